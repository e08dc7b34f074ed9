import type { JSONWebKeySet } from 'jose';
import type { ServiceClient } from '@storefront/platform/mtls';

/** Where verifiers get the auth service's public signing keys. */
export interface JwksSource {
  /** Current key set; `refresh` asks for a fresh copy (an unknown key id was seen). */
  getJwks(refresh?: boolean): Promise<JSONWebKeySet>;
}

export const JWKS_SOURCE = Symbol('JWKS_SOURCE');

// A token with an unknown key id triggers at most one refetch per interval, so forged kids cannot flood the auth service.
const MIN_REFRESH_INTERVAL_MS = 30_000;

/** Fetches the JWKS from the auth service over mutual TLS and caches it. */
export class RemoteJwksSource implements JwksSource {
  private cached?: JSONWebKeySet;
  private fetchedAt = 0;

  constructor(
    private readonly authClient: ServiceClient,
    private readonly now: () => number = Date.now,
  ) {}

  async getJwks(refresh = false): Promise<JSONWebKeySet> {
    const stale = refresh && this.now() - this.fetchedAt > MIN_REFRESH_INTERVAL_MS;
    if (!this.cached || stale) {
      this.cached = await this.authClient.json<JSONWebKeySet>({ method: 'GET', path: '/.well-known/jwks.json' });
      this.fetchedAt = this.now();
    }
    return this.cached;
  }
}
