// Display-only tag controls: add a tag, remove one, rename one — on one article (ArticleTags) or on a
// selection (BulkTagTools). The parent writes the change (utils/db/tags.ts).
import { useState } from 'preact/hooks';
import { t } from '../utils/ui/i18n';

export type TagEdit = { add: string } | { remove: string } | { rename: [from: string, to: string] };

const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

/** A text box and a button that add a tag. */
export function TagAdd({ onAdd }: { onAdd: (tag: string) => void }) {
  const [tag, setTag] = useState('');
  return (
    <form
      class="library-tag-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (tag.trim()) onAdd(tag);
        setTag('');
      }}
    >
      <input
        type="text"
        aria-label={t('tagLabel')}
        placeholder={t('tagLabel')}
        value={tag}
        maxLength={60}
        onInput={(e) => setTag(value(e))}
      />
      <button type="submit">{t('addTag')}</button>
    </form>
  );
}

/** Renaming: the new name in a small form, in place of the tag's buttons. */
function Rename({ tag, onRename }: { tag: string; onRename: (to: string) => void }) {
  const [to, setTo] = useState(tag);
  return (
    <form
      class="library-tag-rename"
      onSubmit={(e) => {
        e.preventDefault();
        onRename(to);
      }}
    >
      <input
        type="text"
        aria-label={t('tagRenameTo', tag)}
        value={to}
        maxLength={60}
        onInput={(e) => setTo(value(e))}
      />
      <button type="submit">{t('tagRename')}</button>
    </form>
  );
}

/** The tags of one article, each removable and renamable, and a box to add one. */
export function ArticleTags({ tags, onTags }: { tags: string[]; onTags: (edit: TagEdit) => void }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <div class="library-article-tags" role="group" aria-label={t('tagsLabel')}>
      <ul class="library-tag-list">
        {tags.map((tag) => (
          <li key={tag} class="library-tag">
            #{tag}{' '}
            {renaming === tag ? (
              <Rename
                tag={tag}
                onRename={(to) => {
                  setRenaming(null);
                  onTags({ rename: [tag, to] });
                }}
              />
            ) : (
              <>
                <button type="button" class="tag-rename" onClick={() => setRenaming(tag)}>
                  {t('tagRename')}
                </button>
                <button
                  type="button"
                  class="tag-remove"
                  aria-label={t('tagRemove', tag)}
                  onClick={() => onTags({ remove: tag })}
                >
                  ×
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <TagAdd onAdd={(add) => onTags({ add })} />
    </div>
  );
}

/** For a selection: add a tag, or pick one of the library's tags to remove or rename. */
export function BulkTagTools({ tags, onTags }: { tags: string[]; onTags: (edit: TagEdit) => void }) {
  const [chosen, setChosen] = useState('');
  const [to, setTo] = useState('');
  return (
    <>
      <TagAdd onAdd={(add) => onTags({ add })} />
      {tags.length > 0 && (
        <span class="library-bulk-tags">
          <select aria-label={t('tagChoose')} value={chosen} onChange={(e) => setChosen(value(e))}>
            <option value="">{t('tagChoose')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
          <button type="button" disabled={!chosen} onClick={() => chosen && onTags({ remove: chosen })}>
            {t('bulkRemoveTag')}
          </button>
          <input
            type="text"
            aria-label={chosen ? t('tagRenameTo', chosen) : t('bulkRenameTag')}
            value={to}
            maxLength={60}
            disabled={!chosen}
            onInput={(e) => setTo(value(e))}
          />
          <button
            type="button"
            disabled={!chosen || !to.trim()}
            onClick={() => {
              onTags({ rename: [chosen, to] });
              setTo('');
            }}
          >
            {t('bulkRenameTag')}
          </button>
        </span>
      )}
    </>
  );
}
