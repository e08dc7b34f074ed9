import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SecurityEvent } from '@storefront/platform/events';
import { eventually } from '@storefront/platform/testing';
import { startTestMonitor as startMonitorWith, type TestMonitor } from './testing/test-monitor';

const startTestMonitor = () => startMonitorWith(inject('redisUrl'), inject('postgresAdminUrl'));

const randomIp = () => `198.51.100.${1 + Math.floor(Math.random() * 254)}`;
const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

async function rowsOf(db: Client, sql: string, params: unknown[] = []) {
  return (await db.query(sql, params)).rows as Array<Record<string, unknown>>;
}

async function eventStored(db: Client, id: string) {
  const rows = await rowsOf(db, 'SELECT * FROM security_event WHERE id = $1', [id]);
  return rows[0];
}

function event(overrides: Partial<SecurityEvent> = {}): SecurityEvent {
  return {
    schema: 1,
    id: randomUUID(),
    type: 'vault.charge.declined',
    service: 'payment-vault',
    occurredAt: new Date().toISOString(),
    actor: {},
    source: {},
    outcome: 'failure',
    details: {},
    ...overrides,
  };
}

describe('monitor: ingestion, rules and staff views', () => {
  let m: TestMonitor;
  let security: string;

  beforeAll(async () => {
    m = await startTestMonitor();
    security = await m.auth.token(['security-analyst']);
  });
  afterAll(async () => m?.stop());

  const admin = (path: string, token?: string) =>
    m.client('gateway').request({ method: 'GET', path, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('stores a queued event and appends an audit entry for it', async () => {
    const id = randomUUID();
    const ok = await m.publisher('auth').publish({ id, type: 'auth.login.succeeded', outcome: 'success', actor: { email: 'Ann@Example.com' }, source: { ip: '203.0.113.5' }, details: { mfa: true } });
    expect(ok).toBe(true);
    const row = await eventually(() => eventStored(m.db, id));
    expect(row).toMatchObject({ type: 'auth.login.succeeded', service: 'auth', actor_email: 'ann@example.com', source_ip: '203.0.113.5', outcome: 'success', details: { mfa: true } });
    const audit = await eventually(async () => (await rowsOf(m.db, 'SELECT * FROM audit_entry WHERE subject = $1', [`security_event:${id}`]))[0]);
    expect(audit).toMatchObject({ actor: 'auth', action: 'security_event.recorded', details: { type: 'auth.login.succeeded', outcome: 'success' } });
  });

  it('stores an event delivered twice on the queue only once, with one audit entry', async () => {
    const twice = event({ service: 'auth', type: 'auth.mfa.failed' });
    await m.queue.add(twice.type, twice, { jobId: `first-${twice.id}` });
    await m.queue.add(twice.type, twice, { jobId: `second-${twice.id}` });
    const bothDone = async () => {
      const states = await Promise.all([`first-${twice.id}`, `second-${twice.id}`].map(async (jobId) => (await m.queue.getJob(jobId))?.getState()));
      return states.every((state) => state === 'completed') ? true : undefined;
    };
    await eventually(bothDone);
    expect(await rowsOf(m.db, 'SELECT id FROM security_event WHERE id = $1', [twice.id])).toHaveLength(1);
    expect(await rowsOf(m.db, 'SELECT seq FROM audit_entry WHERE subject = $1', [`security_event:${twice.id}`])).toHaveLength(1);
  });

  it('fails an invalid job for good and stores nothing', async () => {
    const bad = { ...event(), type: 'made.up.type' };
    await m.queue.add('bad', bad, { jobId: `bad-${bad.id}`, attempts: 5 });
    // Fetch the job afresh on each poll: a Job object is a snapshot, its failedReason does not update.
    const job = await eventually(async () => {
      const found = await m.queue.getJob(`bad-${bad.id}`);
      return found?.failedReason ? found : undefined;
    });
    expect(await job.getState()).toBe('failed');
    // Failed at once despite attempts: 5, because retrying cannot make an invalid payload valid.
    expect(job.failedReason).toBe('invalid security event payload');
    expect(await eventStored(m.db, bad.id)).toBeUndefined();
  });

  it('raises exactly one high alert for 5+ failed sign-ins on one email within 5 minutes', async () => {
    const email = uniqueEmail('victim');
    const publisher = m.publisher('auth');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = randomUUID();
      ids.push(id);
      await publisher.publish({ id, type: 'auth.login.failed', outcome: 'failure', actor: { email }, source: { ip: randomIp() }, details: { reason: 'INVALID_CREDENTIALS' } });
    }
    await eventually(async () => ((await rowsOf(m.db, 'SELECT id FROM security_event WHERE id = ANY($1::uuid[])', [ids])).length === 7 ? true : undefined));
    const alerts = await rowsOf(m.db, 'SELECT * FROM alert WHERE $1 = ANY(subjects)', [`email:${email}`]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'auth.brute_force', severity: 'high', status: 'open' });
    expect((alerts[0].event_ids as string[]).length).toBeGreaterThanOrEqual(5);
    expect(await rowsOf(m.db, 'SELECT seq FROM audit_entry WHERE subject = $1', [`alert:${alerts[0].id}`])).toHaveLength(1);
  });

  it('raises one alert for 5 failed sign-ins from one IP across different emails', async () => {
    const ip = `203.0.113.${1 + Math.floor(Math.random() * 254)}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = randomUUID();
      ids.push(id);
      await m.publisher('auth').publish({ id, type: 'auth.login.failed', outcome: 'failure', actor: { email: uniqueEmail('spray') }, source: { ip } });
    }
    await eventually(async () => ((await rowsOf(m.db, 'SELECT id FROM security_event WHERE id = ANY($1::uuid[])', [ids])).length === 5 ? true : undefined));
    expect(await rowsOf(m.db, 'SELECT id FROM alert WHERE $1 = ANY(subjects)', [`ip:${ip}`])).toHaveLength(1);
  });

  it('raises no alert for 4 failed sign-ins', async () => {
    const email = uniqueEmail('typo');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = randomUUID();
      ids.push(id);
      await m.publisher('auth').publish({ id, type: 'auth.login.failed', outcome: 'failure', actor: { email }, source: { ip: randomIp() } });
    }
    await eventually(async () => ((await rowsOf(m.db, 'SELECT id FROM security_event WHERE id = ANY($1::uuid[])', [ids])).length === 4 ? true : undefined));
    expect(await rowsOf(m.db, 'SELECT id FROM alert WHERE $1 = ANY(subjects)', [`email:${email}`])).toHaveLength(0);
  });

  it('accepts POST /events from payment-vault, once per event id', async () => {
    const posted = event();
    const vault = m.client('payment-vault');
    await expect(vault.json({ method: 'POST', path: '/events', body: posted })).resolves.toEqual({ id: posted.id, duplicate: false });
    await expect(vault.json({ method: 'POST', path: '/events', body: posted })).resolves.toEqual({ id: posted.id, duplicate: true });
    expect(await rowsOf(m.db, 'SELECT id FROM security_event WHERE id = $1', [posted.id])).toHaveLength(1);
  });

  it('scrubs a card number that reaches POST /events before storing it', async () => {
    const posted = event({ details: { note: 'card 4242 4242 4242 4242 declined' } });
    await m.client('payment-vault').json({ method: 'POST', path: '/events', body: posted });
    expect((await eventStored(m.db, posted.id))?.details).toEqual({ note: 'card [PAN] declined' });
  });

  it('refuses POST /events from a client that is not payment-vault or kms with 403 CLIENT_NOT_ALLOWED', async () => {
    await expect(m.client('gateway').json({ method: 'POST', path: '/events', body: event({ service: 'gateway' }) })).rejects.toMatchObject({ status: 403, code: 'CLIENT_NOT_ALLOWED' });
  });

  it('refuses an event reported in another service’s name with 403 EVENT_SERVICE_MISMATCH', async () => {
    await expect(m.client('kms').json({ method: 'POST', path: '/events', body: event({ service: 'auth', type: 'auth.login.succeeded' }) })).rejects.toMatchObject({ status: 403, code: 'EVENT_SERVICE_MISMATCH' });
  });

  it('refuses an invalid event body with 400 VALIDATION_FAILED', async () => {
    const vault = m.client('payment-vault');
    await expect(vault.json({ method: 'POST', path: '/events', body: { ...event(), type: 'made.up' } })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    await expect(vault.json({ method: 'POST', path: '/events', body: { ...event(), details: { deep: { x: 1 } } } })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    await expect(vault.json({ method: 'POST', path: '/events', body: { ...event(), extra: 'field' } })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('lists alerts for the security role', async () => {
    const res = await admin('/admin/alerts', security);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body.toString()) as { items: Array<{ rule: string; severity: string }> };
    expect(body.items.length).toBeGreaterThanOrEqual(2);
    expect(body.items[0]).toMatchObject({ rule: 'auth.brute_force', severity: 'high' });
  });

  it('refuses /admin/alerts to a customer with 403 FORBIDDEN', async () => {
    const res = await admin('/admin/alerts', await m.auth.token(['customer']));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('refuses /admin/audit without a token with 401 UNAUTHENTICATED', async () => {
    const res = await admin('/admin/audit');
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses /admin/alerts over mTLS from any identity but the gateway, even with a staff token', async () => {
    await expect(
      m.client('order').json({ method: 'GET', path: '/admin/alerts', headers: { authorization: `Bearer ${security}` } }),
    ).rejects.toMatchObject({ status: 403, code: 'CLIENT_NOT_ALLOWED' });
  });

  it('lists the audit log newest first for an admin', async () => {
    const res = await admin('/admin/audit?limit=3', await m.auth.token(['admin']));
    expect(res.status).toBe(200);
    const { items } = JSON.parse(res.body.toString()) as { items: Array<{ seq: number; hash: string; prevHash: string }> };
    expect(items).toHaveLength(3);
    expect(items[0].seq).toBeGreaterThan(items[1].seq);
    expect(items[0].prevHash).toBe(items[1].hash);
  });

  it('answers a bad audit query with 400 VALIDATION_FAILED', async () => {
    expect((await admin('/admin/audit?limit=100000', security)).status).toBe(400);
  });
});

describe('monitor: tamper-evident audit log', () => {
  let m: TestMonitor;
  let security: string;

  beforeAll(async () => {
    m = await startTestMonitor();
    security = await m.auth.token(['security-analyst']);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) await m.client('payment-vault').json({ method: 'POST', path: '/events', body: event({ id }) });
  });
  afterAll(async () => m?.stop());

  const verify = async () => {
    const res = await m.client('gateway').request({ method: 'GET', path: '/admin/audit/verify', headers: { authorization: `Bearer ${security}` } });
    return { status: res.status, body: JSON.parse(res.body.toString()) as unknown };
  };

  it('verifies an untouched chain', async () => {
    expect(await verify()).toEqual({ status: 200, body: { valid: true, checked: 3 } });
  });

  it('refuses UPDATE and DELETE on audit entries in the database itself', async () => {
    await expect(m.db.query("UPDATE audit_entry SET actor = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(m.db.query('DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
  });

  it('names the first edited entry when someone bypasses the trigger and rewrites a row', async () => {
    const [second] = await rowsOf(m.db, 'SELECT seq FROM audit_entry ORDER BY seq OFFSET 1 LIMIT 1');
    // The attacker here holds table-owner rights: they can switch the trigger off, but not recompute the keyed hash.
    await m.db.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
    await m.db.query(`UPDATE audit_entry SET details = '{"type":"nothing.to.see"}' WHERE seq = $1`, [second.seq]);
    await m.db.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only');
    expect(await verify()).toMatchObject({ status: 200, body: { valid: false, firstBadSeq: Number(second.seq), entry: { seq: Number(second.seq), details: { type: 'nothing.to.see' } } } });
  });
});
