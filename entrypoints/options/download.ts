// Files the library page hands to the browser's downloads (exports), and their names.
import { fold } from '../../utils/core/text';

export function download(name: string, data: string | Blob, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type }) : data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export const slug = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'article';
export const stamp = () => new Date().toISOString().slice(0, 10);
