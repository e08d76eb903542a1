// The token vault's sealing: AES-256-GCM under the first listed key, every listed key opens,
// records bound to their user, tampering detected, rotation by listing a new key first.
import { VaultCipher, VaultKeyError } from '../../src/hosted/vault-cipher';

const k1 = VaultCipher.newKeyEntry('k1');
const k2 = VaultCipher.newKeyEntry('k2');

describe('vault cipher', () => {
  it('seals with the first key and never shows the plaintext', () => {
    const cipher = VaultCipher.fromKeyList(k1);
    const sealed = cipher.encrypt('{"refreshToken":"sbx-rt-secret"}', 'user-a');
    expect(sealed).not.toContain('sbx-rt');
    expect(sealed.split('.')[1]).toBe('k1');
    expect(cipher.decrypt(sealed, 'user-a')).toEqual({ plaintext: '{"refreshToken":"sbx-rt-secret"}', stale: false });
    // A fresh IV each time: the same record never seals the same twice.
    expect(cipher.encrypt('same', 'user-a')).not.toBe(cipher.encrypt('same', 'user-a'));
  });

  it("does not open one user's record as another's, nor a tampered one", () => {
    const cipher = VaultCipher.fromKeyList(k1);
    const sealed = cipher.encrypt('secret', 'user-a');
    expect(() => cipher.decrypt(sealed, 'user-b')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'user-a')).toThrow();
  });

  it('rotates: the new key first seals, the old one still opens (marked stale), dropping it closes old records', () => {
    const before = VaultCipher.fromKeyList(k1).encrypt('old record', 'user-a');
    const rotating = VaultCipher.fromKeyList(`${k2},${k1}`);
    expect(rotating.currentKeyId).toBe('k2');
    expect(rotating.decrypt(before, 'user-a')).toEqual({ plaintext: 'old record', stale: true });
    const rewritten = rotating.encrypt('old record', 'user-a');
    const after = VaultCipher.fromKeyList(k2);
    expect(after.decrypt(rewritten, 'user-a').plaintext).toBe('old record');
    expect(() => after.decrypt(before, 'user-a')).toThrow(VaultKeyError);
  });

  it('refuses malformed key lists with a reason', () => {
    expect(() => VaultCipher.fromKeyList('')).toThrow(/no token-vault key/);
    expect(() => VaultCipher.fromKeyList('k1:c2hvcnQ=')).toThrow(/32 bytes/);
    expect(() => VaultCipher.fromKeyList(`${k1},${k1}`)).toThrow(/listed twice/);
    expect(() => VaultCipher.fromKeyList(`bad id:${k1.split(':')[1]}`)).toThrow(/letters, digits/);
  });
});
