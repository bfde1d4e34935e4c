// fr-news truth normalisation (see /work/shared/corpus/fr-news/README.md): NFC; delete soft
// hyphens and zero-width characters; NBSP / thin spaces -> space; whitespace collapsed. Block
// boundaries are already newlines in blockText() output, which collapse to a space here.
export function normalizeTruth(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
