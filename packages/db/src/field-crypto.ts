import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, type KeyObject, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Application-level encryption of identity numbers and other sensitive fields.
 *
 * - Values are sealed with AES-256-GCM under the ring's current key. A sealed value is
 *   `0x01 | key-id length | key id | 12-byte IV | 16-byte tag | ciphertext`, so that any
 *   key still in the ring opens it and rotation can tell which rows still need re-sealing.
 * - Exact lookup and uniqueness go through a blind index: HMAC-SHA-256 (16 bytes kept)
 *   of the value under a key derived for that purpose. A dump of the database holds
 *   neither the numbers nor anything that reveals them without the key.
 * - Each master key yields its own sealing and index keys through HKDF; the master key
 *   itself never touches data.
 */

const FORMAT = 0x01;
const KEY_ID = /^[a-z0-9][a-z0-9_-]{0,15}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const INDEX_BYTES = 16;

export type KeyEntry = { id: string; key: Buffer };

type DerivedKey = { id: string; seal: KeyObject; index: Buffer };

function derive(entry: KeyEntry): DerivedKey {
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', entry.key, Buffer.alloc(0), info, 32));
  return { id: entry.id, seal: createSecretKey(sub('desmigratif/seal/v1')), index: sub('desmigratif/blind-index/v1') };
}

export class KeyringError extends Error {}

export class Keyring {
  private readonly keys: DerivedKey[];
  private readonly byId: Map<string, DerivedKey>;
  /** Random IVs are drawn from the CSPRNG in blocks (an import seals ~100,000 values); never reused. */
  private ivBlock = Buffer.alloc(0);
  private ivAt = 0;

  private nextIv(): Buffer {
    if (this.ivAt + IV_BYTES > this.ivBlock.length) {
      this.ivBlock = randomBytes(IV_BYTES * 4096);
      this.ivAt = 0;
    }
    const iv = this.ivBlock.subarray(this.ivAt, this.ivAt + IV_BYTES);
    this.ivAt += IV_BYTES;
    return iv;
  }

  /** The first entry seals new values; the others only open what they sealed before. */
  constructor(entries: readonly KeyEntry[]) {
    if (entries.length === 0) throw new KeyringError('Kunci enkripsi kosong: isi SECRET_KEYS atau berkas kunci.');
    for (const e of entries) {
      if (!KEY_ID.test(e.id)) throw new KeyringError(`Nama kunci "${e.id}" tidak sah (huruf kecil, angka, - atau _, maks. 16).`);
      if (e.key.length !== 32) throw new KeyringError(`Kunci "${e.id}" harus 32 bita (base64 dari 32 bita acak).`);
    }
    const ids = new Set(entries.map((e) => e.id));
    if (ids.size !== entries.length) throw new KeyringError('Nama kunci dalam berkas kunci harus berbeda.');
    this.keys = entries.map(derive);
    this.byId = new Map(this.keys.map((k) => [k.id, k]));
  }

  get currentId(): string {
    return this.keys[0]!.id;
  }

  get ids(): string[] {
    return this.keys.map((k) => k.id);
  }

  seal(plain: string): Buffer {
    return this.sealBytes(Buffer.from(plain, 'utf8'));
  }

  sealBytes(plain: Buffer): Buffer {
    const key = this.keys[0]!;
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', key.seal, iv);
    const id = Buffer.from(key.id, 'ascii');
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT, id.length]), id, iv, cipher.getAuthTag(), body]);
  }

  /** Whether a stored value is in the sealed format (not whether it opens). */
  isSealed(value: Buffer): boolean {
    return value.length > 30 && value[0] === FORMAT;
  }

  sealOptional(plain: string | null | undefined): Buffer | null {
    return plain === null || plain === undefined || plain === '' ? null : this.seal(plain);
  }

  /** The key id a sealed value was made with. */
  keyIdOf(sealed: Buffer): string {
    if (sealed.length < 2 || sealed[0] !== FORMAT) throw new KeyringError('Nilai terenkripsi rusak atau formatnya tidak dikenal.');
    return sealed.subarray(2, 2 + sealed[1]!).toString('ascii');
  }

  open(sealed: Buffer): string {
    return this.openBytes(sealed).toString('utf8');
  }

  openBytes(sealed: Buffer): Buffer {
    const id = this.keyIdOf(sealed);
    const key = this.byId.get(id);
    if (!key) throw new KeyringError(`Kunci "${id}" tidak ada di berkas kunci: data ini tidak bisa dibuka.`);
    let at = 2 + sealed[1]!;
    const iv = sealed.subarray(at, (at += IV_BYTES));
    const tag = sealed.subarray(at, (at += TAG_BYTES));
    const decipher = createDecipheriv('aes-256-gcm', key.seal, iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(sealed.subarray(at)), decipher.final()]);
    } catch {
      throw new KeyringError(`Data terenkripsi tidak bisa dibuka dengan kunci "${id}": kunci salah atau data rusak.`);
    }
  }

  openOptional(sealed: Buffer | null | undefined): string | null {
    return sealed ? this.open(sealed) : null;
  }

  /** The blind index of a value under the current key (what is stored). */
  blindIndex(purpose: string, value: string): Buffer {
    return indexWith(this.keys[0]!, purpose, value);
  }

  /**
   * The value's blind index under every key in the ring: a lookup matches any of them, so
   * rows not yet re-sealed during a rotation are still found.
   */
  blindIndexes(purpose: string, value: string): Buffer[] {
    return this.keys.map((k) => indexWith(k, purpose, value));
  }
}

function indexWith(key: DerivedKey, purpose: string, value: string): Buffer {
  return createHmac('sha256', key.index).update(purpose).update('\0').update(value).digest().subarray(0, INDEX_BYTES);
}

/** A new random key line for a key file: `<id> <base64 of 32 random bytes>`. */
export function newKeyLine(id: string): string {
  if (!KEY_ID.test(id)) throw new KeyringError(`Nama kunci "${id}" tidak sah.`);
  return `${id} ${randomBytes(32).toString('base64')}`;
}

/** Parses key lines (`id base64`), newest first; `#` starts a comment; `;` also separates lines. */
export function parseKeys(text: string): KeyEntry[] {
  const entries: KeyEntry[] = [];
  for (const raw of text.split(/[\n;]/)) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [id, b64, extra] = line.split(/\s+|:/).filter(Boolean);
    if (!id || !b64 || extra !== undefined) throw new KeyringError('Baris kunci harus berbentuk "<nama> <kunci base64>".');
    entries.push({ id, key: Buffer.from(b64, 'base64') });
  }
  return entries;
}

export type KeySource = {
  /** Key lines from the environment (SECRET_KEYS); wins over the file. */
  keys?: string | undefined;
  /** Path of the key file (SECRET_KEY_FILE). */
  file?: string | undefined;
  /** Create the file with one new key when it does not exist (embedded, single-machine installs). */
  createIfMissing?: boolean;
};

export function loadKeyring(source: KeySource): { keyring: Keyring; created: string | null } {
  if (source.keys?.trim()) return { keyring: new Keyring(parseKeys(source.keys)), created: null };
  if (!source.file) throw new KeyringError('Kunci enkripsi belum diatur: isi SECRET_KEYS atau SECRET_KEY_FILE.');
  const file = path.resolve(source.file);
  let created: string | null = null;
  if (!existsSync(file)) {
    if (!source.createIfMissing) throw new KeyringError(`Berkas kunci ${file} tidak ada.`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      `# Kunci enkripsi Desmigratif. Simpan salinannya di tempat aman TERPISAH dari cadangan database:\n` +
        `# tanpa berkas ini NIK, No. KK dan paspor di cadangan tidak bisa dibuka.\n${newKeyLine('k1')}\n`,
      { mode: 0o600, flag: 'wx' },
    );
    created = file;
  }
  chmodSync(file, 0o600);
  return { keyring: new Keyring(parseKeys(readFileSync(file, 'utf8'))), created };
}

let installed: Keyring | null = null;

/** Sets the process's keyring once at start-up (server, scripts, test workers). */
export function installKeyring(keyring: Keyring): void {
  installed = keyring;
}

export function keyring(): Keyring {
  if (!installed) throw new KeyringError('Kunci enkripsi belum dimuat.');
  return installed;
}

/** Blind-index purposes: one per kind of number, so equal digits of different kinds do not match. */
export const BLIND = { nik: 'nik', noKk: 'no_kk' } as const;
