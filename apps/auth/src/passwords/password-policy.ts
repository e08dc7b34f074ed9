import { Injectable } from '@nestjs/common';
import { BreachedPasswords } from './breached-passwords';
import { PasswordsError, passwordsError } from './passwords.errors';

/** NIST SP 800-63B 5.1.1.2: at least 8 characters; at least 64 must be allowed (and more costs argon2 work per request). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

/**
 * What a new password must satisfy, per NIST SP 800-63B: a length range and
 * not a known-breached or common password. Deliberately no composition rules
 * (digits, symbols, capitals) and no forced expiry: they push people to
 * predictable patterns without adding real strength.
 * Length is also enforced by the DTOs (400 VALIDATION_FAILED); it is checked
 * here again so no caller can skip it.
 */
@Injectable()
export class PasswordPolicy {
  constructor(private readonly breached: BreachedPasswords) {}

  assertAcceptable(password: string): void {
    // Counted in code points, as NIST asks ("each Unicode code point counts as one character").
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
      throw passwordsError(PasswordsError.PasswordLength, `Choose a password of ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.`);
    }
    if (this.breached.isBreached(password)) {
      throw passwordsError(
        PasswordsError.PasswordBreached,
        'This password appears in lists of common or breached passwords that attackers try first. Choose a different one; a few unrelated words make a strong password.',
      );
    }
  }
}
