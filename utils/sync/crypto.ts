// End-to-end encryption of everything the sync writes (WebCrypto only: native in Chrome, Firefox,
// service workers and Node). The passphrase never leaves the device and is not stored: it derives,
// with PBKDF2-SHA256 (600 000 iterations, OWASP's figure for PBKDF2-HMAC-SHA256) and the random salt
// kept in the server's header file, 512 bits split into an AES-256-GCM key (files) and an HMAC-SHA256
// key (image names). Both keys are non-extractable CryptoKeys, stored in IndexedDB as such.
// Why PBKDF2 and not scrypt/Argon2: it is native everywhere WebCrypto is (no code to ship, no WASM —
// our CSP forbids 'wasm-unsafe-eval'), and a slow iteration count is its documented use.
// Each file: "LSB1" | 12-byte random IV | AES-GCM ciphertext + tag, with the vault id and the file's
// path as additional data, so the server cannot swap one file for another or move a file between vaults.
import { fromBase64, toBase64 } from '../core/bytes';
import { SyncError } from './errors';

export const HEADER_FORMAT = 'lisible-sync';
export const HEADER_VERSION = 1;
export const DEFAULT_ITERATIONS = 600_000;
/** Below this the header is refused: a server must not be able to weaken the key derivation. */
export const MIN_ITERATIONS = 100_000;
const MAGIC = [0x4c, 0x53, 0x42, 0x31]; // "LSB1"
const CHECK_TEXT = 'lisible-sync-check';

export interface VaultHeader {
  format: typeof HEADER_FORMAT;
  version: number;
  /** Random id of this sync folder's set-up: changes when the folder is set up anew. */
  vault: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: 'AES-256-GCM';
  /** A known text sealed with the key: proves a passphrase right or wrong without touching data. */
  check: string;
}

export interface VaultKeys {
  vault: string;
  enc: CryptoKey;
  mac: CryptoKey;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

async function deriveKeys(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  vault: string,
): Promise<VaultKeys> {
  const base = await crypto.subtle.importKey(
    'raw',
    utf8.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512),
  );
  const enc = await crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  const mac = await crypto.subtle.importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  bits.fill(0);
  return { vault, enc, mac };
}

/** A new sync folder's header and keys (the folder's first device). */
export async function createVault(
  passphrase: string,
  iterations = DEFAULT_ITERATIONS,
): Promise<{ header: VaultHeader; keys: VaultKeys }> {
  const vault = hex(random(16));
  const salt = random(16);
  const keys = await deriveKeys(passphrase, salt, iterations, vault);
  const check = toBase64(await seal(keys, 'check', utf8.encode(CHECK_TEXT)));
  return {
    header: {
      format: HEADER_FORMAT,
      version: HEADER_VERSION,
      vault,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
      cipher: 'AES-256-GCM',
      check,
    },
    keys,
  };
}

/** Checks that a value read from the server is our header; throws 'not-webdav' otherwise. */
export function parseHeader(v: unknown): VaultHeader {
  const h = v as Partial<VaultHeader> | null;
  if (!h || typeof h !== 'object' || h.format !== HEADER_FORMAT)
    throw new SyncError('not-webdav', 'The sync folder holds something that is not a Lisible sync header.');
  if (typeof h.version !== 'number' || h.version > HEADER_VERSION)
    throw new SyncError(
      'config',
      `This sync folder was made by a newer Lisible (format ${String(h.version)}).`,
    );
  const k = h.kdf;
  if (
    !k ||
    k.name !== 'PBKDF2' ||
    k.hash !== 'SHA-256' ||
    typeof k.salt !== 'string' ||
    typeof k.iterations !== 'number' ||
    typeof h.vault !== 'string' ||
    typeof h.check !== 'string'
  )
    throw new SyncError('not-webdav', 'The sync header is incomplete.');
  if (k.iterations < MIN_ITERATIONS || k.iterations > 10_000_000)
    throw new SyncError(
      'corrupt',
      `The sync header asks for ${k.iterations} key-derivation iterations: refused.`,
    );
  return h as VaultHeader;
}

/** The keys of an existing sync folder, or SyncError('passphrase') when the passphrase does not open it. */
export async function openVault(header: VaultHeader, passphrase: string): Promise<VaultKeys> {
  const keys = await deriveKeys(passphrase, fromBase64(header.kdf.salt), header.kdf.iterations, header.vault);
  await checkKeys(header, keys);
  return keys;
}

/** Throws SyncError('passphrase') unless `keys` open this header's check. */
export async function checkKeys(header: VaultHeader, keys: VaultKeys): Promise<void> {
  try {
    const text = fromUtf8.decode(
      await open({ ...keys, vault: header.vault }, 'check', fromBase64(header.check)),
    );
    if (text === CHECK_TEXT) return;
  } catch {
    // fall through
  }
  throw new SyncError('passphrase', 'This passphrase does not open the sync folder on the server.');
}

const aad = (keys: VaultKeys, path: string) => utf8.encode(`${keys.vault}|${path}`);

export async function seal(
  keys: VaultKeys,
  path: string,
  plain: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = random(12);
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(keys, path) }, keys.enc, plain),
  );
  const out = new Uint8Array(4 + 12 + ct.length);
  out.set(MAGIC, 0);
  out.set(iv, 4);
  out.set(ct, 16);
  return out;
}

/** Decrypts a file; SyncError('corrupt') when it is not ours, truncated, tampered or under another name. */
export async function open(
  keys: VaultKeys,
  path: string,
  data: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  if (data.length < 16 + 16 || MAGIC.some((b, i) => data[i] !== b))
    throw new SyncError('corrupt', `${path}: not a Lisible sync file.`);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: data.slice(4, 16), additionalData: aad(keys, path) },
        keys.enc,
        data.slice(16),
      ),
    );
  } catch {
    throw new SyncError('corrupt', `${path}: does not decrypt (damaged, or not from this sync folder).`);
  }
}

async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  t: CompressionStream | DecompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(t)).arrayBuffer());
}

/** JSON → gzip → sealed file bytes. */
export async function sealJson(
  keys: VaultKeys,
  path: string,
  value: unknown,
): Promise<Uint8Array<ArrayBuffer>> {
  return seal(keys, path, await pipe(utf8.encode(JSON.stringify(value)), new CompressionStream('gzip')));
}

export async function openJson<T>(keys: VaultKeys, path: string, data: Uint8Array): Promise<T> {
  const plain = await open(keys, path, data);
  try {
    return JSON.parse(fromUtf8.decode(await pipe(plain, new DecompressionStream('gzip')))) as T;
  } catch {
    throw new SyncError('corrupt', `${path}: decrypted but unreadable.`);
  }
}

/** The server name of an image: a keyed hash of its bytes (same image, same name; reveals nothing). */
export async function imageName(keys: VaultKeys, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.sign('HMAC', keys.mac, bytes)).slice(0, 16));
}
