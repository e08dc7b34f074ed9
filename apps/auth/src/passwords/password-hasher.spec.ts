import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  it('stores argon2id with the OWASP parameters, never the password', async () => {
    const hash = await new PasswordHasher().hash('correct horse battery');
    const [, algorithm, , params] = hash.split('$');
    expect(algorithm).toBe('argon2id');
    expect(Object.fromEntries(params.split(',').map((pair) => pair.split('=')))).toEqual({ m: '19456', t: '2', p: '1' });
    expect(hash).not.toContain('correct horse battery');
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const hasher = new PasswordHasher();
    const hash = await hasher.hash('correct horse battery');
    await expect(hasher.verify(hash, 'correct horse battery')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'Correct horse battery')).resolves.toBe(false);
  });

  it('treats a corrupt hash as a failed check rather than an error', async () => {
    await expect(new PasswordHasher().verify('not-a-hash', 'anything')).resolves.toBe(false);
  });

  it('always fails the dummy check, whatever is typed', async () => {
    const hasher = new PasswordHasher();
    hasher.onModuleInit();
    await expect(hasher.verifyDummy('')).resolves.toBe(false);
  });
});
