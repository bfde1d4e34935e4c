// @vitest-environment jsdom
// The sync section (display-only): the set-up form when sync is off, the state when on (last sync,
// pending changes, last error in plain words), the form again when the passphrase is needed.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { SyncSettings, type SyncSettingsProps } from '../../../components/SyncSettings';

function mount(p: Partial<SyncSettingsProps>) {
  const root = document.createElement('div');
  document.body.append(root);
  const props: SyncSettingsProps = {
    summary: null,
    busy: null,
    notice: null,
    onConnect: vi.fn(),
    onSyncNow: vi.fn(),
    onDisconnect: vi.fn(),
    browserSync: { enabled: false, note: null },
    onBrowserSync: vi.fn(),
    ...p,
  };
  act(() => render(<SyncSettings {...props} />, root));
  return { root, props };
}

describe('SyncSettings', () => {
  it('off: a form with the four fields; submitting passes them', () => {
    const { root, props } = mount({
      summary: { configured: false, enabled: false, pending: 3, running: false },
    });
    const input = (n: string) => root.querySelector<HTMLInputElement>(`input[name=${n}]`)!;
    const fields: Array<[string, string]> = [
      ['url', 'https://cloud.example/remote.php/dav/files/marie/'],
      ['user', 'marie'],
      ['password', 'app-token'],
      ['passphrase', 'une longue phrase'],
    ];
    for (const [n, v] of fields)
      act(() => {
        input(n).value = v;
        input(n).dispatchEvent(new Event('input', { bubbles: true }));
      });
    act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    });
    expect(props.onConnect).toHaveBeenCalledWith({
      url: 'https://cloud.example/remote.php/dav/files/marie/',
      user: 'marie',
      password: 'app-token',
      passphrase: 'une longue phrase',
    });
    expect(root.textContent).not.toContain('Synchroniser maintenant');
  });

  it('on: server, last sync, pending changes, last error in plain words, sync now', () => {
    const { root, props } = mount({
      summary: {
        configured: true,
        enabled: true,
        url: 'https://cloud.example/dav/',
        user: 'marie',
        pending: 12,
        lastSync: Date.UTC(2026, 10, 30, 9, 0),
        lastError: { kind: 'quota', message: '507', at: 1 },
        running: false,
      },
    });
    expect(root.querySelector('.sync-server')!.textContent).toContain('marie');
    expect(root.querySelector('.sync-pending')!.textContent).toBe('12');
    expect(root.querySelector('.sync-last')!.textContent).toMatch(/2026/);
    expect(root.querySelector('.sync-error')!.textContent).toMatch(/espace de stockage du serveur est plein/);
    expect(root.querySelector('form.sync-form')).toBeNull();
    const now = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Synchroniser maintenant',
    )!;
    act(() => now.click());
    expect(props.onSyncNow).toHaveBeenCalled();
  });

  it('the folder was set up again elsewhere: the form comes back, address and user filled', () => {
    const { root } = mount({
      summary: {
        configured: true,
        enabled: true,
        url: 'https://cloud.example/dav/',
        user: 'marie',
        pending: 0,
        lastError: { kind: 'vault-changed', message: '', at: 1 },
        running: false,
      },
    });
    expect(root.querySelector<HTMLInputElement>('input[name=url]')!.value).toBe('https://cloud.example/dav/');
    expect(root.querySelector<HTMLInputElement>('input[name=passphrase]')!.value).toBe('');
    expect(root.textContent).toMatch(/Saisissez à nouveau votre phrase de passe/);
  });
});
