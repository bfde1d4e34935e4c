import { describe, expect, it } from 'vitest';
import {
  Narrator,
  localVoicesFor,
  sentencesOf,
  type SynthLike,
  type UtteranceLike,
  type VoiceLike,
} from '../../../utils/ui/narration';

class FakeSynth implements SynthLike {
  spoken: UtteranceLike[] = [];
  paused = false;
  cancelled = 0;
  constructor(private voices: VoiceLike[]) {}
  speak(u: UtteranceLike) {
    this.spoken.push(u);
  }
  cancel() {
    this.cancelled++;
    // Browsers fire onend (or onerror) for the utterance that was cut.
    this.spoken.at(-1)?.onend?.({});
  }
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  getVoices() {
    return this.voices;
  }
  /** The current utterance finishes. */
  finish() {
    this.spoken.at(-1)?.onend?.({});
  }
}
const utter = (text: string): UtteranceLike => ({
  text,
  lang: '',
  rate: 1,
  voice: null,
  onend: null,
  onerror: null,
});
const FR: VoiceLike = { name: 'fr-local', lang: 'fr-FR', localService: true };
const FR_NET: VoiceLike = { name: 'fr-cloud', lang: 'fr-FR', localService: false };
const EN: VoiceLike = { name: 'en', lang: 'en-US', localService: true };

describe('sentencesOf', () => {
  it('splits French sentences and keeps quotes and abbreviations together', () => {
    expect(sentencesOf('M. Morin confirme. « Nous irons à la rencontre des acteurs. » Et après ?')).toEqual([
      'M. Morin confirme.',
      '« Nous irons à la rencontre des acteurs. »',
      'Et après ?',
    ]);
    expect(sentencesOf('   ')).toEqual([]);
  });
});

describe('Narrator', () => {
  it('uses local voices of the article language only', () => {
    expect(localVoicesFor(new FakeSynth([FR_NET, EN, FR]), 'fr-FR')).toEqual([FR]);
    const n = new Narrator(new FakeSynth([FR_NET, EN]), ['Bonjour.'], {
      lang: 'fr-FR',
      rate: 1,
      makeUtterance: utter,
    });
    expect(n.available).toBe(false);
  });

  it('reads sentence by sentence, reports positions, and stops at the end', () => {
    const synth = new FakeSynth([FR]);
    const positions: Array<string | null> = [];
    const states: string[] = [];
    const n = new Narrator(synth, ['Un. Deux.', 'Trois.'], {
      lang: 'fr-FR',
      rate: 1.15,
      makeUtterance: utter,
      onPosition: (p) => positions.push(p ? `${p.paragraph}.${p.sentence}` : null),
      onState: (s) => states.push(s),
    });
    n.play();
    expect(synth.spoken.map((u) => u.text)).toEqual(['Un.']);
    expect(synth.spoken[0]).toMatchObject({ lang: 'fr-FR', rate: 1.15, voice: FR });
    synth.finish();
    synth.finish();
    expect(synth.spoken.map((u) => u.text)).toEqual(['Un.', 'Deux.', 'Trois.']);
    synth.finish();
    expect(n.status).toBe('idle');
    expect(positions).toEqual(['0.0', '0.1', '1.0', null]);
    expect(states).toEqual(['playing', 'idle']);
  });

  it('pauses and resumes; next/previous paragraph jump without double-speaking', () => {
    const synth = new FakeSynth([FR]);
    const n = new Narrator(synth, ['A un. A deux.', 'B un.', 'C un.'], {
      lang: 'fr',
      rate: 1,
      makeUtterance: utter,
    });
    n.play();
    n.pause();
    expect(synth.paused).toBe(true);
    expect(n.status).toBe('paused');
    n.play();
    expect(synth.paused).toBe(false);
    n.next();
    expect(synth.spoken.at(-1)!.text).toBe('B un.');
    n.next();
    expect(synth.spoken.at(-1)!.text).toBe('C un.');
    n.previous();
    expect(synth.spoken.at(-1)!.text).toBe('B un.');
    // The cancelled utterances' late onend did not advance anything.
    expect(synth.spoken.map((u) => u.text)).toEqual(['A un.', 'B un.', 'C un.', 'B un.']);
    n.setRate(1.5);
    expect(synth.spoken.at(-1)).toMatchObject({ text: 'B un.', rate: 1.5 });
    n.stop();
    expect(n.status).toBe('idle');
  });
});
