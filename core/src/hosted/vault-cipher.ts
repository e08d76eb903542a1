import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Thrown when the token-vault keys are missing or malformed (start-up refuses with this text). */
export class VaultKeyError extends Error {}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const FORMAT = 'v1';

/**
 * AES-256-GCM for the token vault. Keys come from the environment as `id:base64key` entries,
 * comma separated; the first encrypts, every listed one decrypts (key rotation: put the new key
 * first, keep the old ones until every record was rewritten — each refresh rewrites a record).
 * Each ciphertext is bound (additional data) to the record it belongs to, so one user's record
 * copied under another user's key does not decrypt.
 */
export class VaultCipher {
  private constructor(
    private readonly current: { id: string; key: Buffer },
    private readonly keys: Map<string, Buffer>,
  ) {}

  /** Parses `id:base64key[,id:base64key…]`; each key must be 32 bytes. */
  static fromKeyList(list: string): VaultCipher {
    const entries = list
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    if (entries.length === 0) throw new VaultKeyError('no token-vault key given');
    const keys = new Map<string, Buffer>();
    for (const entry of entries) {
      const at = entry.indexOf(':');
      const id = entry.slice(0, at);
      const key = Buffer.from(entry.slice(at + 1), 'base64');
      if (at < 1 || !KEY_ID.test(id))
        throw new VaultKeyError('each token-vault key is "id:base64key" with an id of letters, digits, - or _');
      if (key.length !== 32)
        throw new VaultKeyError(`token-vault key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
      if (keys.has(id)) throw new VaultKeyError(`token-vault key id "${id}" is listed twice`);
      keys.set(id, key);
    }
    const [id, key] = [...keys][0]!;
    return new VaultCipher({ id, key }, keys);
  }

  /** A random key for one process (sandbox demos, tests); records do not survive a restart. */
  static ephemeral(): VaultCipher {
    const key = randomBytes(32);
    return new VaultCipher({ id: 'ephemeral', key }, new Map([['ephemeral', key]]));
  }

  /** A new key entry (`id:base64`) for the documentation and the `vault-key` helper. */
  static newKeyEntry(id: string): string {
    return `${id}:${randomBytes(32).toString('base64')}`;
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  encrypt(plaintext: string, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(aad(boundTo));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [FORMAT, this.current.id, iv.toString('base64url'), body.toString('base64url')].join('.');
  }

  /** The plaintext, and whether it was encrypted with an older key (then it should be rewritten). */
  decrypt(sealed: string, boundTo: string): { plaintext: string; stale: boolean } {
    const [format, id, iv, body] = sealed.split('.');
    const key = id === undefined ? undefined : this.keys.get(id);
    if (format !== FORMAT || !key || !iv || !body)
      throw new VaultKeyError(`a vault record is sealed with an unknown key${id ? ` ("${id}")` : ''}`);
    const bytes = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(aad(boundTo));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const plaintext = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
    return { plaintext: plaintext.toString('utf8'), stale: id !== this.current.id };
  }
}

function aad(boundTo: string): Buffer {
  return Buffer.from(`atlassian-mcp vault ${FORMAT} ${boundTo}`, 'utf8');
}
