// The classifieds choices, wired: the options page's settings tab and the first-run page show the same.
import { ClassifiedsSettings } from '../../components/ClassifiedsSettings';
import { DEFAULT_VISIBILITY } from '../../utils/classifieds/css';
import type { Category, Visibility } from '../../utils/classifieds/types';
import { removeSite, setCategory } from '../../utils/settings/classifieds-edit';
import { useClassifiedsPrefs } from '../../utils/ui/use-classifieds-prefs';

export function ClassifiedsChoices() {
  const { prefs, error, store } = useClassifiedsPrefs();
  if (!prefs) return error ? <p role="alert">{error}</p> : null;
  return (
    <ClassifiedsSettings
      prefs={prefs}
      error={error}
      visibilityOf={(c: Category) => prefs.categories[c] ?? DEFAULT_VISIBILITY[c]}
      onChange={(c: Category, v: Visibility) => void store(setCategory(prefs, c, v))}
      onRemoveSite={(host) => void store(removeSite(prefs, host))}
      onResetAll={() => void store({ categories: {}, sites: {} })}
    />
  );
}
