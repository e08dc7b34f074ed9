import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { INTERNAL_ASSERTION_HEADER } from '@storefront/identity/assertion';
import { eventually, startBuiltService, type BuiltService } from '@storefront/platform/testing';
import { VAULT_CONFIG, type VaultConfig } from '../config/payment-vault.config';
import { gatewayAssertionHeaders, signedAssertion } from '../testing/gateway-assertion';
import { startVaultStack, type VaultStack } from '../testing/start-vault-stack';
import { RewrapProcessor } from './rewrap.processor';
import { CARD_KEY_REWRAP_JOB, CARD_KEY_REWRAP_QUEUE, CARD_KEY_REWRAP_SCHEDULER_ID, type RewrapJobData } from './rewrap.queue';
import { RewrapScheduler } from './rewrap.scheduler';
import type { RewrapResult } from './rewrap.service';

const PANS = ['4242424242424242', '5555555555554444', '4000056655665556'];
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
/** Every field a rewrap job may carry: identifiers, a cursor and counters, never card data or a key. */
const PAYLOAD_FIELDS = ['after', 'keyMaterialId', 'rewrapped', 'skipped'];

async function tokenize(stack: VaultStack, number: string): Promise<{ token: string; userId: string }> {
  const userId = randomUUID();
  const body = { number, expMonth: 12, expYear: NEXT_YEAR, cvc: '123', holder: 'Rewrap Queue Test' };
  const response = await stack.client('gateway').request({ method: 'POST', path: '/payments/cards', body, headers: await gatewayAssertionHeaders(stack.tlsDir, userId) });
  expect(response.status).toBe(201);
  return { token: (JSON.parse(response.body.toString('utf8')) as { cardToken: string }).cardToken, userId };
}

/** Marks every card as wrapped under an older generation (NULL: before the column existed), so a run has them all to do. */
async function makeAllStale(stack: VaultStack): Promise<void> {
  const db = await stack.sql();
  await db.query('UPDATE cards SET kms_key_material_id = NULL');
  await db.end();
}

async function staleCount(stack: VaultStack): Promise<number> {
  const db = await stack.sql();
  try {
    const current = (await db.query<{ id: string }>('SELECT kms_key_material_id AS id FROM cards WHERE kms_key_material_id IS NOT NULL LIMIT 1')).rows[0]?.id;
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cards WHERE kms_key_material_id IS DISTINCT FROM $1', [current ?? '']);
    return rows[0].n;
  } finally {
    await db.end();
  }
}

describe('the rewrap as a BullMQ job in the vault zone\'s own Redis', () => {
  let stack: VaultStack;
  let queue: Queue<RewrapJobData, RewrapResult>;
  let doomed: BuiltService | undefined;

  beforeAll(async () => {
    stack = await startVaultStack(inject('postgresAdminUrl'), { redisUrl: inject('redisUrl') });
    queue = new Queue(CARD_KEY_REWRAP_QUEUE, { connection: { url: stack.env.VAULT_REDIS_URL }, prefix: stack.env.VAULT_REDIS_PREFIX });
    for (const pan of PANS) await tokenize(stack, pan);
  });

  afterAll(async () => {
    await doomed?.stop();
    await queue?.close();
    await stack?.stop();
  });

  it('two runs at once move each key once, and a run done again finds nothing', async () => {
    await makeAllStale(stack);
    const ops = stack.client('ops');
    const runs = await Promise.all([1, 2].map(() => ops.request({ method: 'POST', path: '/internal/rewrap' })));
    const results = runs.map((r) => ({ status: r.status, json: JSON.parse(r.body.toString('utf8')) as RewrapResult }));
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.reduce((sum, r) => sum + r.json.rewrapped, 0)).toBe(PANS.length);
    expect(results.map((r) => r.json.remaining)).toEqual([0, 0]);
    expect(await staleCount(stack)).toBe(0);
    const again = await ops.request({ method: 'POST', path: '/internal/rewrap' });
    expect(JSON.parse(again.body.toString('utf8'))).toEqual({ rewrapped: 0, remaining: 0 });
  });

  it('a worker killed midway leaves its cursor in the job, and another worker finishes from there', async () => {
    await makeAllStale(stack);
    // The in-process vault stands by while a second vault process (from the build) takes the job, one card a page, slowly.
    const standby = stack.vault.get(RewrapProcessor).worker;
    await standby.pause();
    doomed = await startBuiltService({
      name: 'payment-vault',
      tlsDir: stack.tlsDir,
      env: { ...stack.env, LOG_LEVEL: 'warn', VAULT_REWRAP_PAGE_SIZE: '1', VAULT_REWRAP_PAGE_PAUSE_MS: '5000' },
    });
    const job = await queue.add(CARD_KEY_REWRAP_JOB, {}, { jobId: `killed-${randomUUID()}`, attempts: 3 });

    const cursor = await eventually(async () => (await queue.getJob(job.id!))?.data.after, 15_000);
    doomed.process.kill('SIGKILL');
    await doomed.stop();
    doomed = undefined;
    // Killed midway: at least one page done (the cursor), not all (a loaded machine may let it finish a second page first).
    const staleAtKill = await staleCount(stack);
    expect(staleAtKill).toBeGreaterThan(0);
    expect(staleAtKill).toBeLessThan(PANS.length);

    void standby.resume();
    // The killed worker's lock expires; the standby's stalled-job check hands the job over, and it resumes at the cursor.
    const finished = await eventually(async () => {
      const current = await queue.getJob(job.id!);
      // One read: BullMQ writes finishedOn and the return value together, while a separate getState() could
      // see the job complete after this copy of it was read (and its returnvalue still empty).
      return current?.finishedOn && current.returnvalue ? current : undefined;
    }, 40_000);
    expect(finished.returnvalue).toEqual({ rewrapped: PANS.length, remaining: 0 });
    expect(finished.data.after! > cursor).toBe(true);
    expect(await staleCount(stack)).toBe(0);
    expect(Object.keys(finished.data).sort()).toEqual(PAYLOAD_FIELDS);
  }, 90_000);

  it('registers its repeating run again when its Redis lost it (it keeps nothing on disk), without pushing an existing one back', async () => {
    const scheduler = stack.vault.get(RewrapScheduler);
    await scheduler.ensureSchedule();
    const registered = await queue.getJobScheduler(CARD_KEY_REWRAP_SCHEDULER_ID);
    expect(registered?.every).toBe(stack.vault.get<VaultConfig>(VAULT_CONFIG).VAULT_REWRAP_INTERVAL_SECONDS * 1000);

    await scheduler.ensureSchedule(); // a later check, or another replica's start: the next run stays where it was
    expect((await queue.getJobScheduler(CARD_KEY_REWRAP_SCHEDULER_ID))?.next).toBe(registered?.next);

    await queue.removeJobScheduler(CARD_KEY_REWRAP_SCHEDULER_ID); // what a restarted, empty Redis looks like
    await scheduler.ensureSchedule();
    expect((await queue.getJobScheduler(CARD_KEY_REWRAP_SCHEDULER_ID))?.every).toBe(registered?.every);
  });

  it('keeps no card number and no key in its Redis: every key under the vault prefix holds ids, cursors and counters', async () => {
    const client = new Redis(stack.env.VAULT_REDIS_URL);
    onTestFinished(() => client.disconnect());
    const keys = await client.keys(`${stack.env.VAULT_REDIS_PREFIX}:*`);
    expect(keys.length).toBeGreaterThan(0);
    const db = await stack.sql();
    const wrapped = (await db.query<{ k: Buffer }>('SELECT wrapped_data_key AS k FROM cards')).rows.map((r) => r.k);
    await db.end();
    for (const key of keys) {
      const type = await client.type(key);
      const value = type === 'hash' ? JSON.stringify(await client.hgetall(key)) : type === 'string' ? ((await client.get(key)) ?? '') : JSON.stringify(type === 'list' ? await client.lrange(key, 0, -1) : type === 'zset' ? await client.zrange(key, '0', '-1') : type === 'stream' ? await client.xrange(key, '-', '+') : []);
      for (const pan of PANS) expect(value, key).not.toContain(pan);
      for (const k of wrapped) {
        expect(value, key).not.toContain(k.toString('base64'));
        expect(value, key).not.toContain(k.toString('hex'));
      }
    }
  });
});

describe('the vault without its Redis', () => {
  let stack: VaultStack;

  beforeAll(async () => {
    // Nothing listens there: the rewrap queue cannot be reached from the start.
    stack = await startVaultStack(inject('postgresAdminUrl'), { redisUrl: 'redis://127.0.0.1:9' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('still tokenizes and charges; the rewrap waits (progress says so, a run on demand is a clear 503)', async () => {
    const card = await tokenize(stack, PANS[0]);
    const charge = await stack.client('order').request({ method: 'POST', path: '/internal/charges', body: { cardToken: card.token, userId: card.userId, orderId: randomUUID(), amountCents: 1999, currency: 'USD' } });
    expect(charge.status, charge.body.toString('utf8')).toBe(201);
    expect(JSON.parse(charge.body.toString('utf8'))).toMatchObject({ status: 'approved', last4: '4242' });

    const target = { audience: 'payment-vault', method: 'GET', path: '/admin/keys/rewrap' };
    const progress = await stack.client('gateway').request({ method: 'GET', path: target.path, headers: { [INTERNAL_ASSERTION_HEADER]: await signedAssertion(stack.tlsDir, randomUUID(), { target }) } });
    expect(progress.status).toBe(200);
    expect(JSON.parse(progress.body.toString('utf8'))).toMatchObject({ totalKeys: 1, remaining: 0, running: false, lastRun: null, queueAvailable: false });

    const run = await stack.client('ops').request({ method: 'POST', path: '/internal/rewrap' });
    expect(run.status).toBe(503);
    expect(JSON.parse(run.body.toString('utf8'))).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
  });
});

describe('the rewrap while the KMS is down', () => {
  let stack: VaultStack;

  beforeAll(async () => {
    stack = await startVaultStack(inject('postgresAdminUrl'), { redisUrl: inject('redisUrl') });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers a run on demand with a clear 503, and leaves the job to retry on its own with the card still to do', async () => {
    await tokenize(stack, PANS[0]);
    await makeAllStale(stack);
    await stack.stopKms();
    const run = await stack.client('ops').request({ method: 'POST', path: '/internal/rewrap' });
    expect(run.status, run.body.toString('utf8')).toBe(503);
    expect(JSON.parse(run.body.toString('utf8'))).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });

    const queue = new Queue<RewrapJobData, RewrapResult>(CARD_KEY_REWRAP_QUEUE, { connection: { url: stack.env.VAULT_REDIS_URL }, prefix: stack.env.VAULT_REDIS_PREFIX });
    onTestFinished(() => queue.close());
    const [retrying] = await queue.getJobs(['delayed']).then((jobs) => jobs.filter((job) => job.attemptsMade > 0));
    expect(retrying?.name).toBe(CARD_KEY_REWRAP_JOB);
    expect(await staleCount(stack)).toBe(1);
  });
});
