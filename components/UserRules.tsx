// Display-only: the reader's site rules (blocks hidden with the picker, "Ce n'est pas une annonce"
// exceptions, chosen texts to read) as a table: site, rule, selector, date; delete one or all.
import type { UserRule } from '../utils/settings/user-rules';
import { categoryLabelKey } from '../utils/ui/category-i18n';
import { formatDate, t } from '../utils/ui/i18n';

export interface UserRulesProps {
  rules: UserRule[];
  error?: string | null;
  onDelete: (id: number) => void;
  onDeleteAll: () => void;
}

function what(r: UserRule): string {
  if (r.kind === 'hide') return t('ruleKindHide', r.category ? t(categoryLabelKey(r.category)) : '');
  return t(r.kind === 'exception' ? 'ruleKindException' : 'ruleKindContent');
}

export function UserRules({ rules, error, onDelete, onDeleteAll }: UserRulesProps) {
  return (
    <section class="settings-user-rules" aria-labelledby="settings-user-rules-title">
      <h2 id="settings-user-rules-title">{t('userRulesTitle')}</h2>
      <p class="settings-help">{t('userRulesHelp')}</p>
      {rules.length === 0 ? (
        <p class="settings-none">{t('userRulesNone')}</p>
      ) : (
        <>
          <table class="settings-table settings-rules-table">
            <thead>
              <tr>
                <th scope="col">{t('ruleSite')}</th>
                <th scope="col">{t('ruleWhat')}</th>
                <th scope="col">{t('ruleSelector')}</th>
                <th scope="col">{t('ruleDate')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id} data-rule={r.id} data-kind={r.kind}>
                  <td class="settings-host">{r.host}</td>
                  <td title={r.label}>{what(r)}</td>
                  <td>
                    <code>{r.selector}</code>
                  </td>
                  <td>{formatDate(r.createdAt)}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => r.id !== undefined && onDelete(r.id)}
                      aria-label={t('deleteRule', r.selector, r.host)}
                    >
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" class="settings-reset" onClick={onDeleteAll}>
            {t('deleteAllRules')}
          </button>
        </>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
