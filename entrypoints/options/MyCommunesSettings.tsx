// "Ma commune" in the settings page: the official index (packaged, loaded here on demand) answers the
// search box; the choice is stored in Dexie (utils/db/my-communes.ts).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { MyCommunes, type CommuneChoice } from '../../components/MyCommunes';
import { searchCommunes, type CommuneIndex, type OfficialCommune } from '../../utils/communes/index';
import { loadCommunes } from '../../utils/communes/load';
import { getMyCommunes, setMyCommunes } from '../../utils/db/my-communes';

const choice = (c: OfficialCommune): CommuneChoice => ({
  code: c.insee,
  name: c.name,
  dept: c.dept,
  postcodes: c.postcodes,
});

export function MyCommunesSettings() {
  const [index, setIndex] = useState<CommuneIndex | null | undefined>(undefined);
  const [codes, setCodes] = useState<string[]>([]);
  useEffect(() => {
    void loadCommunes().then(setIndex);
    void getMyCommunes().then(setCodes, () => setCodes([]));
  }, []);
  const store = useCallback(
    (next: string[]) =>
      void setMyCommunes(next).then(
        () => setCodes(next),
        () => undefined,
      ),
    [],
  );
  if (index === undefined) return null;
  const chosen = codes.map((code) => {
    const c = index?.byInsee.get(code);
    return c ? choice(c) : { code, name: code, dept: '' };
  });
  return (
    <MyCommunes
      chosen={chosen}
      unavailable={index === null}
      search={(typed) => (index ? searchCommunes(index, typed).map(choice) : [])}
      onAdd={(code) => store([...codes, code])}
      onRemove={(code) => store(codes.filter((c) => c !== code))}
    />
  );
}
