// Read-aloud of a rendered article body (reading mode and the library's saved-article view): a
// Narrator over the body's readable blocks, built once the body is in the DOM and rebuilt when voices
// arrive; the sentence being read is highlighted (CSS Custom Highlight API) and scrolled into view.
import { useEffect, useState } from 'preact/hooks';
import { Narrator, type NarrationState, type SynthLike, type UtteranceLike } from './narration';
import { rangeForSentence, readableBlocks } from './sentence-range';

export interface Narration {
  /** null: no speechSynthesis at all. */
  synth: SynthLike | null;
  narrator: Narrator | null;
  state: NarrationState;
}

export function useNarration(
  bodyRef: { current: HTMLDivElement | null },
  /** What is narrated; a new value rebuilds the narrator. null: nothing to read yet. */
  source: { lang: string | null } | null,
  rate: number,
): Narration {
  const [state, setState] = useState<NarrationState>('idle');
  const [voicesReady, setVoicesReady] = useState(0);
  const [narrator, setNarrator] = useState<Narrator | null>(null);
  const synth: SynthLike | null =
    typeof speechSynthesis === 'undefined' ? null : (speechSynthesis as unknown as SynthLike);
  useEffect(() => {
    if (!synth) return;
    const onVoices = () => setVoicesReady((n) => n + 1);
    speechSynthesis.addEventListener('voiceschanged', onVoices);
    return () => speechSynthesis.removeEventListener('voiceschanged', onVoices);
  }, []);
  // Built after the body is in the DOM (effects run after commit); rebuilt when voices arrive.
  useEffect(() => {
    const body = bodyRef.current;
    if (!synth || !source || !body) return;
    const blocks = readableBlocks(body);
    const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
    const n: Narrator = new Narrator(
      synth,
      blocks.map((b) => b.textContent ?? ''),
      {
        lang: source.lang ?? 'fr-FR',
        rate,
        makeUtterance: (text) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike,
        onState: setState,
        onPosition: (pos) => {
          highlights?.delete('lisible-tts');
          if (!pos) return;
          const block = blocks[pos.paragraph];
          const sentence = n.sentence(pos);
          if (!block || !sentence) return;
          block.scrollIntoView({ block: 'center', behavior: 'smooth' });
          const range = rangeForSentence(block, sentence);
          if (range && highlights && typeof Highlight !== 'undefined')
            highlights.set('lisible-tts', new Highlight(range));
        },
      },
    );
    setNarrator(n);
    return () => n.stop();
    // Rate changes must not rebuild (and stop) the narrator: callers push them with setRate.
  }, [source, voicesReady]);
  return { synth, narrator, state };
}
