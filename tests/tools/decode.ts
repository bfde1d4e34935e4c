// Decodes saved pages as a browser would: BOM first, then <meta charset> / http-equiv in the
// first 1024 bytes (prescan), then windows-1252 — the HTML standard's fallback for most
// locales, which is also what iso-8859-1 and us-ascii labels mean in a browser.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-user-defined': 'windows-1252',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

// 0x80–0x9F of windows-1252. Node's TextDecoder('windows-1252') decodes these bytes as C1 controls
// (latin1), which is not what browsers do, so the table is applied here.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b,
    );
    out += String.fromCharCode(...codes);
  }
  return out;
}

function decodeAs(label: string, bytes: Uint8Array): string {
  return label === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(label).decode(bytes);
}

function sniffMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w:.-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeHtml(bytes: Uint8Array): { html: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { html: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { html: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { html: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  let label = sniffMeta(bytes);
  if (label) label = LABEL_ALIASES[label] ?? label;
  // A page that declares utf-16 in a meta tag is ASCII-compatible by construction: browsers use utf-8.
  if (label && /^utf-16/.test(label)) label = 'utf-8';
  if (label) {
    try {
      return { html: decodeAs(label, bytes), encoding: label };
    } catch {
      /* unknown label: fall through */
    }
  }
  // No declaration: browsers of French locale fall back to windows-1252. Saved pages are almost
  // always utf-8 though, so take utf-8 when the bytes are valid utf-8 (as Firefox's detector does).
  if (isValidUtf8(bytes)) return { html: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  return { html: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** Reads a .html or .html.gz file and decodes it. Throws a clear Error when unreadable. */
export function readHtmlFile(path: string): { html: string; encoding: string } {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (path.endsWith('.gz') || (buf[0] === 0x1f && buf[1] === 0x8b)) {
    try {
      buf = gunzipSync(buf);
    } catch (e) {
      throw new Error(`cannot gunzip ${path}: ${(e as Error).message}`);
    }
  }
  if (buf.length === 0) throw new Error(`${path} is empty`);
  return decodeHtml(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}
