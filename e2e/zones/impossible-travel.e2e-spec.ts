import { randomUUID } from 'node:crypto';
import geoip from 'geoip-lite';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '@storefront/platform/testing';
import { signInStaff } from '../support/staff-sign-in';
import { StorefrontClient } from '../support/storefront-client';
import { callFrom } from './support/call-from';
import { openTravelNetwork, type TravelNetwork } from './support/travel-network';

const facts = inject('zoneFacts');

// Real networks' addresses, as geoip-lite (the monitor's offline database) places them; the documentation ranges
// (192.0.2.0/24...) it does not place at all. They live only on the travel namespace's loopback: no packet leaves the machine.
const PARIS = '62.4.0.1';
const CAMBRIDGE_MA = '18.0.0.1';

interface Alert {
  id: string;
  rule: string;
  severity: string;
  summary: string;
  subjects: string[];
  responses: Array<{ action: string; target: string; outcome: string }>;
}
type ErrorBody = { error?: { code: string } };

/**
 * Layer 6, impossible travel from two real networks: a customer signs in
 * from Paris, and a moment later someone holding the password signs in from
 * Cambridge, Massachusetts. Both arrive at the gateway as real TCP peers
 * (a namespace of their own, linked to the edge zone, no X-Forwarded-For),
 * so the gateway trusts nothing it should not. The monitor's
 * auth.impossible_travel rule (over 500 km faster than 1000 km/h) demands a
 * fresh second factor: the gateway then answers STEP_UP_REQUIRED outside the
 * account pages, and the security desk shows the alert with both sign-ins.
 */
describe.skipIf(Boolean(facts.skipReason))('impossible travel, from two real networks (layer 6)', () => {
  // Made in beforeAll: a skipped suite's body still runs, and without zones there is no CA to read.
  let api: StorefrontClient;
  let monitorDb: Client;
  let travel: TravelNetwork | undefined;
  const from = (localAddress: string) => ({ namespace: travel?.namespace ?? '', localAddress });
  const call = <T>(localAddress: string, request: Parameters<typeof callFrom>[3]) => callFrom<T>(from(localAddress), facts.baseUrl, facts.tlsDir, request);

  beforeAll(async () => {
    const gatewayUrl = new URL(facts.baseUrl);
    travel = openTravelNetwork({
      prefix: facts.namespaces.edge.replace(/-edge$/, ''),
      net: facts.publicAddress.split('.').slice(0, 2).join('.'),
      gateway: { namespace: facts.namespaces.edge, address: gatewayUrl.hostname, port: Number(gatewayUrl.port) },
      addresses: [PARIS, CAMBRIDGE_MA],
    });
    api = new StorefrontClient(facts.baseUrl, facts.tlsDir);
    monitorDb = new Client({ connectionString: facts.monitorDatabaseUrl });
    await monitorDb.connect();
  });
  afterAll(async () => {
    travel?.close();
    await monitorDb?.end().catch(() => undefined);
    await api?.close();
  });

  it('uses two addresses geoip-lite places an ocean apart', () => {
    expect(geoip.lookup(PARIS)).toMatchObject({ country: 'FR', city: 'Paris' });
    expect(geoip.lookup(CAMBRIDGE_MA)).toMatchObject({ country: 'US', region: 'MA', city: 'Cambridge' });
  });

  it('the second sign-in gets a session that is refused with STEP_UP_REQUIRED, and the desk sees both places', async () => {
    const email = `traveller-${randomUUID()}@example.test`;
    const password = `pw-${randomUUID()}`;
    const registered = await api.call<{ id: string }>('POST', '/api/auth/register', { body: { email, password, name: 'Traveller' } });
    expect(registered.status, registered.text).toBe(201);
    const userId = registered.body.id;
    const signInFrom = async (address: string) => {
      const login = await call<{ accessToken: string }>(address, { method: 'POST', route: '/api/auth/login', body: { email, password } });
      expect(login.status, `sign-in from ${address}: ${login.text ?? login.error}`).toBe(200);
      return login.body?.accessToken ?? '';
    };

    // The owner, in Paris: an ordinary session (the control for the refusal below).
    const owner = await signInFrom(PARIS);
    const ownerCart = await call(PARIS, { method: 'GET', route: '/api/cart', token: owner });
    expect(ownerCart.status, ownerCart.text ?? ownerCart.error).toBe(200);
    // The monitor has the Paris sign-in, from the real TCP peer, before Cambridge comes in.
    await eventually(async () => {
      const { rows } = await monitorDb.query(`select 1 from security_event where type = 'auth.login.succeeded' and actor_user_id = $1 and source_ip = $2`, [userId, PARIS]);
      return rows.length ? true : undefined;
    }, 15_000);

    // The attacker, in Cambridge MA, with the password: signed in, but stopped at the first non-account route.
    const attacker = await signInFrom(CAMBRIDGE_MA);
    const refused = await eventually(async () => {
      const res = await call<ErrorBody>(CAMBRIDGE_MA, { method: 'GET', route: '/api/cart', token: attacker });
      return res.status === 403 ? res : undefined;
    }, 20_000);
    expect(refused.body?.error?.code).toBe('STEP_UP_REQUIRED');
    expect((await call<ErrorBody>(CAMBRIDGE_MA, { method: 'GET', route: '/api/orders', token: attacker })).body?.error?.code).toBe('STEP_UP_REQUIRED');
    // The demand is on the account: the owner's Paris session must step up too (with a second factor the attacker lacks).
    expect((await call<ErrorBody>(PARIS, { method: 'GET', route: '/api/cart', token: owner })).body?.error?.code).toBe('STEP_UP_REQUIRED');
    // The account pages stay open (that is where the step-up is answered), and they record the real sources.
    const sessions = await call<Array<{ ip: string | null }>>(CAMBRIDGE_MA, { method: 'GET', route: '/api/auth/sessions', token: attacker });
    expect(sessions.status, sessions.text ?? sessions.error).toBe(200);
    expect((sessions.body ?? []).map((s) => s.ip).sort()).toEqual([CAMBRIDGE_MA, PARIS].sort());

    // What the defenders see: the security desk's alert, naming both countries, with both sign-ins behind it.
    const security = await signInStaff(api, 'security@storefront.test', 'Security-Demo-2026');
    const alert = await eventually(async () => {
      const res = await api.call<{ items: Alert[] }>('GET', '/api/admin/alerts?limit=200', { token: security });
      expect(res.status, res.text).toBe(200);
      return res.body.items.find((a) => a.rule === 'auth.impossible_travel' && a.subjects.includes(`user:${userId}`));
    }, 15_000);
    expect(alert).toMatchObject({ severity: 'high', summary: expect.stringMatching(/km apart .*\(FR → US\)/) });
    expect(alert.responses).toEqual([expect.objectContaining({ action: 'require_step_up', target: userId, outcome: 'done' })]);
    const detail = await api.call<{ events: Array<{ type: string; sourceIp: string; actorUserId: string }> }>('GET', `/api/admin/alerts/${alert.id}`, { token: security });
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body.events.map((e) => [e.type, e.actorUserId, e.sourceIp])).toEqual([
      ['auth.login.succeeded', userId, PARIS],
      ['auth.login.succeeded', userId, CAMBRIDGE_MA],
    ]);
  });
});
