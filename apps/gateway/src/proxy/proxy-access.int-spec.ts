import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stepUpDemandKey } from '@storefront/identity/access';
import { eventually } from '@storefront/platform/testing';
import { startGatewayFor, startUpstreams, stopUpstreams, type Upstreams } from '../testing/gateway-harness';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' };

describe('gateway access decisions made for upstreams (the vault) and for the monitor (step-up demands)', () => {
  let up: Upstreams;
  let gw: Awaited<ReturnType<typeof startGatewayFor>>;
  let redis: Redis;
  beforeAll(async () => {
    up = await startUpstreams();
    gw = await startGatewayFor(up, {});
    redis = new Redis(inject('redisUrl'));
  });
  afterAll(async () => {
    redis?.disconnect();
    await gw?.stop();
    await stopUpstreams(up);
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('refuses support a payment operation (tokenize) before the vault sees it, and records the refusal', async () => {
    const supportId = randomUUID();
    const before = up.vault.received.length;
    const res = await gw.call({ method: 'POST', path: '/api/payments/cards', body: CARD, headers: bearer(await up.auth.token(['support'], supportId)) });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('payments:pay:own') });
    expect(up.vault.received.length).toBe(before);
    const [denied] = await eventually(async () => {
      const mine = (await gw.events('access.permission.denied')).filter((event) => event.actor.userId === supportId);
      return mine.length ? mine : undefined;
    });
    expect(denied).toMatchObject({ outcome: 'blocked', details: { permission: 'payments:pay:own', reason: 'missing_permission', roles: 'support', route: '/api/payments/cards' } });
    expect(JSON.stringify(denied)).not.toContain(CARD.number);
  });

  it('lets a customer tokenize (the vault gets an assertion, not the token)', async () => {
    const res = await gw.call({ method: 'POST', path: '/api/payments/cards', body: CARD, headers: bearer(await up.auth.token(['customer'])) });
    expect(res.status).toBe(200);
    expect(res.json.headers).toHaveProperty('x-storefront-assertion');
  });

  it('answers STEP_UP_REQUIRED once the monitor demands a fresh second factor, and lets the account through after one', async () => {
    const userId = randomUUID();
    const demandedAt = nowSeconds();
    await redis.set(stepUpDemandKey(gw.prefix, userId), String(demandedAt), 'EX', 600);

    const stale = await gw.call({ method: 'GET', path: '/api/cart', headers: bearer(await up.auth.token(['customer'], userId, { mfaAt: demandedAt - 60 })) });
    expect(stale.status).toBe(403);
    expect(stale.json.error).toMatchObject({ code: 'STEP_UP_REQUIRED' });
    const none = await gw.call({ method: 'GET', path: '/api/orders', headers: bearer(await up.auth.token(['customer'], userId, { mfaAt: null })) });
    expect(none.json.error).toMatchObject({ code: 'STEP_UP_REQUIRED' });

    // The account routes stay open: that is where the step-up happens.
    const account = await gw.call({ method: 'GET', path: '/api/me', headers: bearer(await up.auth.token(['customer'], userId, { mfaAt: null })) });
    expect(account.status).toBe(200);

    const fresh = await gw.call({ method: 'GET', path: '/api/cart', headers: bearer(await up.auth.token(['customer'], userId, { mfaAt: demandedAt + 1 })) });
    expect(fresh.status).toBe(200);
    // Nobody else is affected.
    const other = await gw.call({ method: 'GET', path: '/api/cart', headers: bearer(await up.auth.token(['customer'], randomUUID(), { mfaAt: null })) });
    expect(other.status).toBe(200);
  });
});
