// The official commune of an article shown by the popup and reading mode: the packaged index is loaded
// after the article is on screen (never the network), then the engine's raw hint is resolved
// (utils/communes/resolve.ts). Until then, and when nothing fits, no commune is shown.
import { useEffect, useState } from 'preact/hooks';
import { loadCommunes } from '../communes/load';
import { communeOfArticle } from '../communes/resolve';
import { getMyCommunes } from '../db/my-communes';
import type { Article, Commune } from '../extract/types';

export function useOfficialCommune(article: Article | null): Commune | null {
  const [commune, setCommune] = useState<Commune | null>(null);
  useEffect(() => {
    setCommune(null);
    if (!article) return;
    let live = true;
    void loadCommunes().then((idx) => live && setCommune(idx ? communeOfArticle(idx, article) : null));
    return () => void (live = false);
  }, [article]);
  return commune;
}

/** The commune as the popup and reading mode show it: official name, marked when it is the reader's. */
export function useCommuneView(article: Article | null): { name: string; mine: boolean } | null {
  const commune = useOfficialCommune(article);
  const [mine, setMine] = useState<string[]>([]);
  useEffect(() => void getMyCommunes().then(setMine, () => setMine([])), []);
  return commune && { name: commune.name, mine: !!commune.inseeCode && mine.includes(commune.inseeCode) };
}
