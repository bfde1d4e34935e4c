// Display-only "Ma commune" setting: the chosen communes (official names) with a remove button, and a
// search box over the official list (name or postcode).
import { useState } from 'preact/hooks';
import { t } from '../utils/ui/i18n';

export interface CommuneChoice {
  code: string;
  name: string;
  dept: string;
  postcodes?: string[];
}

export function MyCommunes({
  chosen,
  search,
  onAdd,
  onRemove,
  unavailable = false,
}: {
  chosen: CommuneChoice[];
  /** Results for what was typed (the parent searches the official index). */
  search: (typed: string) => CommuneChoice[];
  onAdd: (code: string) => void;
  onRemove: (code: string) => void;
  /** The official list could not be read. */
  unavailable?: boolean;
}) {
  const [typed, setTyped] = useState('');
  const results = typed.trim().length >= 2 ? search(typed) : [];
  const label = (c: CommuneChoice) =>
    `${c.name} (${c.dept}${c.postcodes?.length ? ` · ${c.postcodes.slice(0, 3).join(', ')}` : ''})`;
  return (
    <section class="settings-communes" aria-labelledby="settings-communes-title">
      <h2 id="settings-communes-title">{t('myCommunesTitle')}</h2>
      <p class="settings-help">{t('myCommunesHelp')}</p>
      {chosen.length === 0 ? (
        <p>{t('myCommunesNone')}</p>
      ) : (
        <ul class="my-communes">
          {chosen.map((c) => (
            <li key={c.code}>
              {label(c)}{' '}
              <button
                type="button"
                aria-label={t('myCommunesRemove', c.name)}
                onClick={() => onRemove(c.code)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {unavailable ? (
        <p role="alert">{t('myCommunesUnavailable')}</p>
      ) : (
        <>
          <label>
            {t('myCommunesSearch')}{' '}
            <input
              type="search"
              class="my-communes-search"
              value={typed}
              onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          {typed.trim().length >= 2 && results.length === 0 && <p role="status">{t('myCommunesNoMatch')}</p>}
          <ul class="my-communes-results">
            {results.map((c) => (
              <li key={c.code}>
                <button
                  type="button"
                  aria-label={t('myCommunesAdd', label(c))}
                  onClick={() => {
                    onAdd(c.code);
                    setTyped('');
                  }}
                >
                  {label(c)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
