// Display-only: the sync section of the options page — the reader's own WebDAV server, end-to-end
// encrypted with their passphrase — and the browser-account sync of settings. Wiring lives in
// entrypoints/options/Sync.tsx.
import { useState } from 'preact/hooks';
import type { SyncErrorKind } from '../utils/sync/errors';
import type { SyncSummary } from '../utils/sync/state';
import { t } from '../utils/ui/i18n';

export interface SyncForm {
  url: string;
  user: string;
  password: string;
  passphrase: string;
}

export interface SyncSettingsProps {
  summary: SyncSummary | null;
  busy: 'connecting' | 'syncing' | null;
  /** The outcome of the last action of this page (set-up, sync now). */
  notice: { error: boolean; text: string } | null;
  onConnect: (form: SyncForm) => void;
  onSyncNow: () => void;
  onDisconnect: () => void;
  browserSync: { enabled: boolean; note: string | null };
  onBrowserSync: (enabled: boolean) => void;
}

const ERROR_TEXT = {
  config: 'syncErr_config',
  permission: 'syncErr_permission',
  unreachable: 'syncErr_unreachable',
  timeout: 'syncErr_timeout',
  auth: 'syncErr_auth',
  forbidden: 'syncErr_forbidden',
  quota: 'syncErr_quota',
  'not-webdav': 'syncErr_not_webdav',
  server: 'syncErr_server',
  passphrase: 'syncErr_passphrase',
  'no-vault': 'syncErr_no_vault',
  'vault-changed': 'syncErr_vault_changed',
  corrupt: 'syncErr_corrupt',
  busy: 'syncErr_busy',
  local: 'syncErr_local',
} as const satisfies Record<SyncErrorKind, string>;

/** The plain message for an error kind. */
export function syncErrorText(kind: SyncErrorKind): string {
  return t(ERROR_TEXT[kind] ?? 'syncErr_local');
}

/** Kinds after which the reader must enter the passphrase (or the address) again. */
const NEEDS_FORM: ReadonlySet<SyncErrorKind> = new Set([
  'passphrase',
  'no-vault',
  'vault-changed',
  'permission',
  'auth',
]);

function when(ms: number | undefined): string {
  if (!ms) return t('syncNever');
  return new Date(ms).toLocaleString(document.documentElement.lang || undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

function ConnectForm({
  initial,
  busy,
  onConnect,
}: {
  initial: Partial<SyncForm>;
  busy: boolean;
  onConnect: (f: SyncForm) => void;
}) {
  const [form, setForm] = useState<SyncForm>({
    url: initial.url ?? '',
    user: initial.user ?? '',
    password: '',
    passphrase: '',
  });
  const field = (name: keyof SyncForm, label: string, type: 'url' | 'text' | 'password', hint?: string) => (
    <label class="sync-field">
      <span>{label}</span>
      <input
        type={type as 'text'}
        name={name}
        value={form[name]}
        required
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        spellcheck={false}
        onInput={(e) => setForm({ ...form, [name]: (e.currentTarget as HTMLInputElement).value })}
      />
      {hint && <small class="settings-help">{hint}</small>}
    </label>
  );
  return (
    <form
      class="sync-form"
      onSubmit={(e) => {
        e.preventDefault();
        onConnect(form);
      }}
    >
      {field('url', t('syncUrl'), 'url', t('syncUrlHint'))}
      {field('user', t('syncUser'), 'text')}
      {field('password', t('syncPassword'), 'password', t('syncPasswordHint'))}
      {field('passphrase', t('syncPassphrase'), 'password', t('syncPassphraseHint'))}
      <button type="submit" disabled={busy}>
        {busy ? t('syncConnecting') : t('syncEnable')}
      </button>
    </form>
  );
}

export function SyncSettings(p: SyncSettingsProps) {
  const s = p.summary;
  const needsForm = !s?.enabled || (s.lastError && NEEDS_FORM.has(s.lastError.kind));
  return (
    <section class="settings-sync" aria-labelledby="settings-sync-title">
      <h2 id="settings-sync-title">{t('syncTitle')}</h2>
      <p class="settings-help">{t('syncIntro')}</p>
      {s?.enabled && (
        <dl class="sync-status" data-running={s.running ? 'true' : 'false'}>
          <dt>{t('syncServer')}</dt>
          <dd class="sync-server">
            {s.user} — {s.url}
          </dd>
          <dt>{t('syncLastSync')}</dt>
          <dd class="sync-last">{s.running ? t('syncRunning') : when(s.lastSync)}</dd>
          <dt>{t('syncPending')}</dt>
          <dd class="sync-pending">{s.pending}</dd>
          {s.lastError && (
            <>
              <dt>{t('syncLastError')}</dt>
              <dd class="sync-error">
                {syncErrorText(s.lastError.kind)} <small>({s.lastError.message})</small>
              </dd>
            </>
          )}
        </dl>
      )}
      {s?.enabled && (
        <p class="sync-actions">
          <button type="button" onClick={p.onSyncNow} disabled={p.busy !== null || s.running}>
            {p.busy === 'syncing' || s.running ? t('syncRunning') : t('syncNow')}
          </button>{' '}
          <button type="button" onClick={p.onDisconnect} disabled={p.busy !== null}>
            {t('syncDisable')}
          </button>
        </p>
      )}
      {needsForm && (
        <ConnectForm
          key={s?.url ?? 'new'}
          initial={{ url: s?.url ?? '', user: s?.user ?? '' }}
          busy={p.busy === 'connecting'}
          onConnect={p.onConnect}
        />
      )}
      {p.notice && (
        <p
          class={p.notice.error ? 'sync-notice sync-notice-error' : 'sync-notice'}
          role={p.notice.error ? 'alert' : 'status'}
        >
          {p.notice.text}
        </p>
      )}
      <h3>{t('browserSyncTitle')}</h3>
      <label class="sync-browser">
        <input
          type="checkbox"
          checked={p.browserSync.enabled}
          onChange={(e) => p.onBrowserSync((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('browserSyncLabel')}
      </label>
      <p class="settings-help">{t('browserSyncHelp')}</p>
      {p.browserSync.note && <p class="settings-help sync-browser-note">{p.browserSync.note}</p>}
    </section>
  );
}
