import { describe, expect, it } from 'vitest';
import { DomainError } from '@storefront/platform/http';
import { BreachedPasswords, CommonPasswordList } from './breached-passwords';
import { PasswordPolicy } from './password-policy';

const policy = new PasswordPolicy(new CommonPasswordList());

function refusal(password: string): DomainError | undefined {
  try {
    policy.assertAcceptable(password);
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('PasswordPolicy (NIST SP 800-63B)', () => {
  it('refuses common and breached passwords with 400 PASSWORD_BREACHED and says why', () => {
    for (const password of ['password1', '12345678', 'iloveyou', 'qwertyuiop']) {
      const error = refusal(password);
      expect(error?.code, password).toBe('PASSWORD_BREACHED');
      expect(error?.status).toBe(400);
      expect(error?.message).toMatch(/common or breached/);
    }
  });

  it('catches a capitalised variant of a listed password', () => {
    expect(refusal('Password1')?.code).toBe('PASSWORD_BREACHED');
  });

  it('accepts an uncommon passphrase without any composition rule (no digit, capital or symbol needed)', () => {
    expect(refusal('velvet harbour lantern')).toBeUndefined();
    expect(refusal('a'.repeat(7) + 'zq')).toBeUndefined();
  });

  it('allows 8 to 64 characters, counted in code points', () => {
    expect(refusal('short1!')?.code).toBe('PASSWORD_LENGTH');
    expect(refusal('x'.repeat(63) + 'y')).toBeUndefined();
    expect(refusal('x'.repeat(65))?.code).toBe('PASSWORD_LENGTH');
    // Four emoji are 8 UTF-16 units but 4 characters.
    expect(refusal('🔑🔑🔑🔑')?.code).toBe('PASSWORD_LENGTH');
  });

  it('asks whichever list it is given (the provider can be swapped)', () => {
    const everything: BreachedPasswords = { isBreached: () => true };
    expect(() => new PasswordPolicy(everything).assertAcceptable('velvet harbour lantern')).toThrow(/common or breached/);
  });
});
