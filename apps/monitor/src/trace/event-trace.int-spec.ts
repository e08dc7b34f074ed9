import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runWithContext } from '@storefront/platform/logging';
import { eventually } from '@storefront/platform/testing';
import { startTestMonitor, type TestMonitor } from '../testing/test-monitor';

interface TraceBody {
  items: Array<{ id: string; type: string; outcome: string; service: string; correlationId: string; occurredAt: string; actor?: { email?: string }; source?: { ip?: string } }>;
  alerts: Array<{ rule: string; severity: string; eventIds: string[]; raisedAt: string; responses: unknown[] }>;
}

describe('monitor: GET /admin/events traces the events of one correlation prefix', () => {
  let m: TestMonitor;
  let security: string;
  // What the attack lab sends: lab-<run id><secret>-<n> on every request of one run.
  const prefix = `lab-${randomUUID().slice(0, 8)}`;
  const otherPrefix = `lab-${randomUUID().slice(0, 8)}`;
  const email = `trace-${randomUUID().slice(0, 8)}@example.com`;
  const ids: string[] = [];

  beforeAll(async () => {
    m = await startTestMonitor(inject('redisUrl'), inject('postgresAdminUrl'));
    security = await m.auth.token(['security-analyst']);
    const publisher = m.publisher('auth');
    // Six failed sign-ins on one email, each its own request of the run: enough for the brute-force rule's alert.
    for (let n = 1; n <= 6; n++) {
      const id = randomUUID();
      ids.push(id);
      await runWithContext({ correlationId: `${prefix}-${n}` }, () =>
        publisher.publish({ id, type: 'auth.login.failed', outcome: 'failure', actor: { email }, source: { ip: '198.51.100.7' }, details: { reason: 'INVALID_CREDENTIALS' } }),
      );
    }
    // Another run's event: must not show up.
    await runWithContext({ correlationId: `${otherPrefix}-1` }, () =>
      m.publisher('gateway').publish({ type: 'edge.waf.blocked', outcome: 'blocked', source: { ip: '198.51.100.8' }, details: { reason: 'waf' } }),
    );
    await eventually(async () => ((await m.db.query('SELECT id FROM security_event WHERE correlation_id LIKE $1', [`${prefix}-%`])).rowCount === 6 ? true : undefined));
    await eventually(async () => ((await m.db.query('SELECT id FROM alert WHERE event_ids && $1::uuid[]', [ids])).rowCount ? true : undefined));
  });
  afterAll(async () => m?.stop());

  const get = (path: string, token?: string) =>
    m.client('gateway').request({ method: 'GET', path, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('lists the prefix’s events oldest first with the alert raised on them, and nothing of another prefix', async () => {
    const res = await get(`/admin/events?correlationPrefix=${prefix}&limit=200`, security);
    expect(res.status, res.body.toString()).toBe(200);
    const body = JSON.parse(res.body.toString()) as TraceBody;
    // Oldest first; two events of the same millisecond may come in either order.
    expect(new Set(body.items.map((e) => e.id))).toEqual(new Set(ids));
    const times = body.items.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort());
    expect(body.items.find((e) => e.id === ids[0])).toMatchObject({ type: 'auth.login.failed', outcome: 'failure', service: 'auth', correlationId: `${prefix}-1`, actor: { email }, source: { ip: '198.51.100.7' } });
    expect(body.items.every((e) => e.correlationId.startsWith(`${prefix}-`))).toBe(true);
    // The brute-force rule counts per email and per address: both alerts were raised on these events.
    expect(body.alerts.length).toBeGreaterThanOrEqual(1);
    expect(body.alerts.map((a) => a.rule)).toContain('auth.brute_force');
    expect(body.alerts.every((a) => a.eventIds.some((id) => ids.includes(id)))).toBe(true);
  });

  it('honours the limit with the newest events (a long run ends with its refusals)', async () => {
    const body = JSON.parse((await get(`/admin/events?correlationPrefix=${prefix}&limit=2`, security)).body.toString()) as TraceBody;
    expect(new Set(body.items.map((e) => e.id))).toEqual(new Set(ids.slice(-2)));
  });

  it.each([
    ['a prefix shorter than 8 characters', 'correlationPrefix=lab-1'],
    ['a prefix with characters outside the id alphabet', 'correlationPrefix=lab-1234%27%20OR%201%3D1'],
    ['a LIKE wildcard in the prefix', 'correlationPrefix=lab-____'],
    ['no prefix at all', 'limit=10'],
    ['a limit above 500', `correlationPrefix=${prefix}&limit=501`],
    ['a limit of 0', `correlationPrefix=${prefix}&limit=0`],
  ])('answers %s with 400 VALIDATION_FAILED', async (_case, query) => {
    const res = await get(`/admin/events?${query}`, security);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('refuses a customer with 403 FORBIDDEN', async () => {
    const res = await get(`/admin/events?correlationPrefix=${prefix}`, await m.auth.token(['customer']));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('refuses any mTLS identity but the gateway, even with a staff token', async () => {
    await expect(
      m.client('order').json({ method: 'GET', path: `/admin/events?correlationPrefix=${prefix}`, headers: { authorization: `Bearer ${security}` } }),
    ).rejects.toMatchObject({ status: 403, code: 'CLIENT_NOT_ALLOWED' });
  });
});
