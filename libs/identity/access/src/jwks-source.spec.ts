import type { JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import type { ServiceClient } from '@storefront/platform/mtls';
import { JWKS_MAX_AGE_MS, RemoteJwksSource } from './jwks-source';

/** Stands in for the mTLS client to the auth service: serves whatever key set auth "publishes" now. */
function authServing(initial: string[]) {
  const auth = { kids: initial, fetches: 0, down: false };
  const client = {
    json: async () => {
      auth.fetches++;
      if (auth.down) throw new Error('auth unreachable');
      return { keys: auth.kids.map((kid) => ({ kid, kty: 'EC' })) } satisfies JSONWebKeySet;
    },
  } as unknown as ServiceClient;
  return { auth, client };
}

describe('RemoteJwksSource', () => {
  it('learns a pre-published key within the max age, without any unknown kid being seen', async () => {
    let now = 0;
    const { auth, client } = authServing(['k1']);
    const source = new RemoteJwksSource(client, () => now);
    expect((await source.getJwks()).keys.map((k) => k.kid)).toEqual(['k1']);
    auth.kids = ['k1', 'k2'];
    now += JWKS_MAX_AGE_MS - 1;
    expect((await source.getJwks()).keys.map((k) => k.kid)).toEqual(['k1']);
    now += 2;
    expect((await source.getJwks()).keys.map((k) => k.kid)).toEqual(['k1', 'k2']);
  });

  it('refetches for an unknown kid at most once per 30 s', async () => {
    let now = 0;
    const { auth, client } = authServing(['k1']);
    const source = new RemoteJwksSource(client, () => now);
    await source.getJwks();
    now += 1_000;
    await source.getJwks(true);
    await source.getJwks(true);
    expect(auth.fetches).toBe(1);
    now += 30_000;
    await source.getJwks(true);
    expect(auth.fetches).toBe(2);
  });

  it('keeps the keys it has while the auth service is down, and does not ask on every call', async () => {
    let now = 0;
    const { auth, client } = authServing(['k1']);
    const source = new RemoteJwksSource(client, () => now);
    await source.getJwks();
    auth.down = true;
    now += JWKS_MAX_AGE_MS + 1;
    expect((await source.getJwks()).keys.map((k) => k.kid)).toEqual(['k1']);
    expect((await source.getJwks()).keys.map((k) => k.kid)).toEqual(['k1']);
    expect(auth.fetches).toBe(2);
  });
});
