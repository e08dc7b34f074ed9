import { Injectable } from '@nestjs/common';
import { test as isCommonPassword } from 'fxa-common-password-list';

/**
 * Passwords known to attackers: leaked in breaches or simply too common.
 * An abstract class so it works as a Nest token and can be swapped (a
 * k-anonymity breach API, a bigger list) without touching the policy.
 */
export abstract class BreachedPasswords {
  abstract isBreached(password: string): boolean;
}

/**
 * Mozilla's list (fxa-common-password-list): 50,000 common passwords of 8+
 * characters, from published breach corpora, shipped inside the package so
 * the check works offline and no password ever leaves the process.
 * The list is case-sensitive; the lowercased form is checked as well so that
 * "Password1" does not slip past "password1".
 */
@Injectable()
export class CommonPasswordList extends BreachedPasswords {
  isBreached(password: string): boolean {
    return isCommonPassword(password) || isCommonPassword(password.toLowerCase());
  }
}
