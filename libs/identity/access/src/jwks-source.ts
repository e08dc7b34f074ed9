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
// Refetched this often anyway, so a key the auth service pre-publishes (rotation) is known before it signs anything.
export const JWKS_MAX_AGE_MS = 60_000;

/** Fetches the JWKS from the auth service over mutual TLS and caches it. */
export class RemoteJwksSource implements JwksSource {
  private cached?: JSONWebKeySet;
  private fetchedAt = 0;

  constructor(
    private readonly authClient: ServiceClient,
    private readonly now: () => number = Date.now,
  ) {}

  async getJwks(refresh = false): Promise<JSONWebKeySet> {
    const age = this.now() - this.fetchedAt;
    if (!this.cached) return this.fetch();
    if ((refresh && age > MIN_REFRESH_INTERVAL_MS) || age > JWKS_MAX_AGE_MS) {
      // Auth briefly unreachable: keep verifying with the keys we have rather than refuse every request.
      return this.fetch().catch(() => {
        this.fetchedAt = this.now(); // and do not ask again on every request while it is down
        return this.cached as JSONWebKeySet;
      });
    }
    return this.cached;
  }

  private async fetch(): Promise<JSONWebKeySet> {
    this.cached = await this.authClient.json<JSONWebKeySet>({ method: 'GET', path: '/.well-known/jwks.json' });
    this.fetchedAt = this.now();
    return this.cached;
  }
}
