import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2id hashing for passwords and other low-entropy secrets a person
 * types (recovery codes). Slow on purpose: a stolen table costs real work
 * per guess.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash?: Promise<string>;

  onModuleInit(): void {
    this.dummyHash = argon2.hash(randomBytes(32).toString('base64url'), ARGON2_OPTIONS);
  }

  hash(secret: string): Promise<string> {
    return argon2.hash(secret, ARGON2_OPTIONS);
  }

  /** False for a wrong secret and for a hash that is not a valid argon2 string; never throws. */
  async verify(hash: string, secret: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, secret);
    } catch {
      return false;
    }
  }

  /**
   * Spends the same work as a real check and always fails. Used for an
   * unknown email so that response time does not reveal which emails have
   * accounts.
   */
  async verifyDummy(secret: string): Promise<false> {
    this.dummyHash ??= argon2.hash(randomBytes(32).toString('base64url'), ARGON2_OPTIONS);
    await this.verify(await this.dummyHash, secret);
    return false;
  }
}
