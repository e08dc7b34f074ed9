import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { INTERNAL_ASSERTION_HEADER } from '@storefront/identity/assertion';
import { eventually } from '@storefront/platform/testing';
import { gatewayAssertionHeaders, signedAssertion } from '../testing/gateway-assertion';
import { startVaultStack, type VaultStack } from '../testing/start-vault-stack';

const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const PROGRESS = { audience: 'payment-vault', method: 'GET', path: '/admin/keys/rewrap' };
const ROTATE = { audience: 'payment-vault', method: 'POST', path: '/admin/keys/rotate' };

interface Progress {
  currentKeyMaterialId: string;
  totalKeys: number;
  onCurrentVersion: number;
  remaining: number;
  running: boolean;
  lastRun: { outcome: string; rewrapped: number } | null;
}

describe('admin key routes of the vault (rotate now, rewrap progress)', () => {
  let stack: VaultStack;
  const adminId = randomUUID();

  async function call(target: typeof PROGRESS, options: { identity?: string; assertionFor?: typeof PROGRESS } = {}) {
    const assertion = await signedAssertion(stack.tlsDir, adminId, { target: options.assertionFor ?? target });
    const response = await stack.client(options.identity ?? 'gateway').request({ method: target.method, path: target.path, headers: { [INTERNAL_ASSERTION_HEADER]: assertion } });
    return { status: response.status, json: JSON.parse(response.body.toString('utf8')) as Progress & { error?: { code: string } } };
  }

  beforeAll(async () => {
    stack = await startVaultStack(inject('postgresAdminUrl'), { redisUrl: inject('redisUrl') });
    for (const number of ['4242424242424242', '5555555555554444']) {
      const body = { number, expMonth: 12, expYear: NEXT_YEAR, cvc: '123', holder: 'Key Admin Test' };
      const response = await stack.client('gateway').request({ method: 'POST', path: '/payments/cards', body, headers: await gatewayAssertionHeaders(stack.tlsDir, randomUUID()) });
      expect(response.status).toBe(201);
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('shows every stored key on the current version and no run yet', async () => {
    const { status, json } = await call(PROGRESS);
    expect(status).toBe(200);
    expect(json).toMatchObject({ totalKeys: 2, onCurrentVersion: 2, remaining: 0, running: false, lastRun: null });
    expect(json.currentKeyMaterialId).toMatch(/\S+/);
  });

  it('counts keys of an older generation as remaining, and a run moves them', async () => {
    const db = await stack.sql();
    await db.query("UPDATE cards SET kms_key_material_id = NULL WHERE token = (SELECT min(token) FROM cards)");
    await db.end();
    expect((await call(PROGRESS)).json).toMatchObject({ totalKeys: 2, onCurrentVersion: 1, remaining: 1 });

    expect((await stack.client('ops').request({ method: 'POST', path: '/internal/rewrap' })).status).toBe(200);
    expect((await call(PROGRESS)).json).toMatchObject({ totalKeys: 2, onCurrentVersion: 2, remaining: 0, running: false, lastRun: { outcome: 'finished', rewrapped: 1 } });
  });

  it('refuses an assertion made for another route, a missing assertion and any caller but the gateway', async () => {
    expect((await call(PROGRESS, { assertionFor: { ...PROGRESS, path: '/payments/cards', method: 'POST' } })).status).toBe(401);
    expect((await call(ROTATE, { assertionFor: PROGRESS })).status).toBe(401);
    const bare = await stack.client('gateway').request({ method: 'GET', path: PROGRESS.path });
    expect(bare.status).toBe(401);
    for (const identity of ['order', 'ops']) expect((await call(PROGRESS, { identity })).json.error?.code).toBe('CLIENT_NOT_ALLOWED');
  });

  it('rotate now gives the master key new material and moves every stored key to it', async () => {
    const before = (await call(PROGRESS)).json;
    const rotated = await call(ROTATE);
    expect(rotated.status, JSON.stringify(rotated.json)).toBe(202);
    expect(rotated.json.currentKeyMaterialId).not.toBe(before.currentKeyMaterialId);
    const done = await eventually(async () => {
      const progress = (await call(PROGRESS)).json;
      return progress.running ? undefined : progress;
    });
    expect(done).toMatchObject({ totalKeys: 2, onCurrentVersion: 2, remaining: 0, lastRun: { outcome: 'finished', rewrapped: 2 } });
  });
});
