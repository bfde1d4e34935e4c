// Read-aloud with the browser's speechSynthesis, local voices only (a network voice would send the
// article to a third party). One utterance per sentence: it lets us highlight what is being read and
// avoids Chrome cutting long utterances short.

export interface VoiceLike {
  name: string;
  lang: string;
  localService: boolean;
  default?: boolean;
}
export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceLike | null;
  onend: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export interface SynthLike {
  speak(u: UtteranceLike): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  getVoices(): VoiceLike[];
}

export type NarrationState = 'idle' | 'playing' | 'paused';
export interface Position {
  paragraph: number;
  sentence: number;
}

/** Splits a paragraph into sentences (French and English punctuation, keeps « » and quotes attached). */
export function sentencesOf(text: string): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  const out: string[] = [];
  // A closing quote may follow the punctuation after a (French, non-breaking) space: « … ? »
  const re = /[^.!?…]+(?:[.!?…]+(?:\s?["»”’)\]]+)?|$)/g;
  let buf = '';
  for (const m of clean.matchAll(re)) {
    buf += m[0];
    // Do not split after common abbreviations or initials ("M. Morin", "J.-P.").
    if (/\b(?:M|Mme|Mmes|MM|Dr|St|Ste|av|n°|etc|cf|p|[A-Z])\.\s*$/.test(buf)) continue;
    if (buf.trim()) out.push(buf.trim());
    buf = '';
  }
  if (buf.trim()) out.push(buf.trim());
  return out;
}

/** Local voices for a language ("fr" matches fr-FR, fr-CA…), best match first. */
export function localVoicesFor(synth: SynthLike, lang: string): VoiceLike[] {
  const want = lang.toLowerCase();
  const base = want.split('-')[0]!;
  return synth
    .getVoices()
    .filter((v) => v.localService && v.lang.toLowerCase().replace('_', '-').split('-')[0] === base)
    .sort(
      (a, b) =>
        Number(b.lang.toLowerCase() === want) - Number(a.lang.toLowerCase() === want) ||
        Number(!!b.default) - Number(!!a.default),
    );
}

export interface NarratorOptions {
  lang: string;
  rate: number;
  makeUtterance: (text: string) => UtteranceLike;
  onPosition?: (pos: Position | null) => void;
  onState?: (state: NarrationState) => void;
}

export class Narrator {
  private pos: Position = { paragraph: 0, sentence: 0 };
  private state: NarrationState = 'idle';
  private current?: UtteranceLike;
  private readonly paragraphs: string[][];

  constructor(
    private readonly synth: SynthLike,
    paragraphs: string[],
    private readonly opts: NarratorOptions,
  ) {
    this.paragraphs = paragraphs.map(sentencesOf).filter((s) => s.length > 0);
  }

  get voice(): VoiceLike | null {
    return localVoicesFor(this.synth, this.opts.lang)[0] ?? null;
  }
  get available(): boolean {
    return this.voice !== null && this.paragraphs.length > 0;
  }
  get status(): NarrationState {
    return this.state;
  }
  get position(): Position {
    return { ...this.pos };
  }
  sentence(pos: Position = this.pos): string | undefined {
    return this.paragraphs[pos.paragraph]?.[pos.sentence];
  }

  play(): void {
    if (!this.available) return;
    if (this.state === 'paused') {
      this.synth.resume();
      this.setState('playing');
      return;
    }
    this.setState('playing');
    this.speakCurrent();
  }

  pause(): void {
    if (this.state !== 'playing') return;
    this.synth.pause();
    this.setState('paused');
  }

  stop(): void {
    this.detach();
    this.synth.cancel();
    this.pos = { paragraph: 0, sentence: 0 };
    this.setState('idle');
    this.opts.onPosition?.(null);
  }

  next(): void {
    this.jump(Math.min(this.pos.paragraph + 1, this.paragraphs.length - 1));
  }
  previous(): void {
    // Like a music player: back to the start of this paragraph first, then to the previous one.
    this.jump(this.pos.sentence > 0 ? this.pos.paragraph : Math.max(0, this.pos.paragraph - 1));
  }

  setRate(rate: number): void {
    this.opts.rate = rate;
    if (this.state === 'playing') {
      this.detach();
      this.synth.cancel();
      this.speakCurrent();
    }
  }

  private jump(paragraph: number): void {
    this.pos = { paragraph, sentence: 0 };
    this.opts.onPosition?.(this.position);
    if (this.state !== 'idle') {
      this.detach();
      this.synth.cancel();
      if (this.state === 'paused') this.synth.resume();
      this.setState('playing');
      this.speakCurrent();
    }
  }

  private speakCurrent(): void {
    const text = this.sentence();
    if (text === undefined) {
      this.stop();
      return;
    }
    const u = this.opts.makeUtterance(text);
    u.lang = this.opts.lang;
    u.rate = this.opts.rate;
    u.voice = this.voice;
    u.onend = () => {
      if (this.current !== u) return;
      this.advance();
    };
    u.onerror = () => {
      if (this.current !== u) return;
      this.detach();
      this.setState('idle');
    };
    this.current = u;
    this.opts.onPosition?.(this.position);
    this.synth.speak(u);
  }

  private advance(): void {
    const para = this.paragraphs[this.pos.paragraph];
    if (para && this.pos.sentence + 1 < para.length)
      this.pos = { ...this.pos, sentence: this.pos.sentence + 1 };
    else if (this.pos.paragraph + 1 < this.paragraphs.length)
      this.pos = { paragraph: this.pos.paragraph + 1, sentence: 0 };
    else {
      this.stop();
      return;
    }
    this.speakCurrent();
  }

  /** Forget the current utterance so its late onend (fired by cancel) does not advance. */
  private detach(): void {
    this.current = undefined;
  }

  private setState(s: NarrationState): void {
    this.state = s;
    this.opts.onState?.(s);
  }
}
