import { readFile } from 'node:fs/promises';
import type { JSONWebKeySet } from 'jose';
import type { JwksSource } from '@storefront/identity/access';
import { signingKeyFromPem, type SigningKey } from './signing-key';

/**
 * The keys this service signs with, and their public halves. One key for
 * now; rotation (publishing the next key before signing with it) would add
 * entries to `publicJwks` without changing callers.
 */
export class SigningKeys implements JwksSource {
  private constructor(private readonly key: SigningKey) {}

  static async fromFile(file: string): Promise<SigningKeys> {
    const pem = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(`cannot read the token signing key (JWT_SIGNING_KEY_FILE): ${error.code ?? error.message}`);
    });
    return new SigningKeys(await signingKeyFromPem(pem));
  }

  static fromKey(key: SigningKey): SigningKeys {
    return new SigningKeys(key);
  }

  current(): SigningKey {
    return this.key;
  }

  publicJwks(): JSONWebKeySet {
    return { keys: [this.key.publicJwk] };
  }

  /** Auth verifies its own tokens from memory: no network call to itself. */
  async getJwks(): Promise<JSONWebKeySet> {
    return this.publicJwks();
  }
}
