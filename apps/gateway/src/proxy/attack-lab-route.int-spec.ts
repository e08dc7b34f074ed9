import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@storefront/platform/testing';
import { startGatewayFor, startUpstreams, stopUpstreams, tlsDir, type Upstreams } from '../testing/gateway-harness';
import { type StandIn, startEchoUpstream } from '../testing/stand-in-upstreams';

const LAUNCH = { method: 'POST', path: '/api/attack-lab/runs', body: { scenario: 'waf-payloads' } };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('gateway: /api/attack-lab goes to the lab runner only for attack-lab:run, and never with the token', () => {
  let up: Upstreams;
  let lab: StandIn;
  let withLab: Awaited<ReturnType<typeof startGatewayFor>>;
  let withoutLab: Awaited<ReturnType<typeof startGatewayFor>>;

  beforeAll(async () => {
    up = await startUpstreams();
    // Stands in for tools/attack/lab-server.mjs: presents the attack-lab certificate and echoes what reached it.
    lab = await startEchoUpstream(tlsDir, 'attack-lab', await freePort());
    withLab = await startGatewayFor(up, { ATTACK_LAB_URL: lab.baseUrl });
    withoutLab = await startGatewayFor(up, {});
  });
  afterAll(async () => {
    await withLab?.stop();
    await withoutLab?.stop();
    await lab?.app.close();
    await stopUpstreams(up);
  });

  it('forwards a security analyst’s launch with a signed assertion and without the bearer token', async () => {
    const res = await withLab.call({ ...LAUNCH, headers: bearer(await up.auth.token(['security-analyst'])) });
    expect(res.status, res.text).toBe(200);
    const seen = lab.received.at(-1);
    expect(seen).toMatchObject({ method: 'POST', path: '/attack-lab/runs', body: { scenario: 'waf-payloads' } });
    expect(seen?.headers).toHaveProperty('x-storefront-assertion');
    expect(seen?.headers).not.toHaveProperty('authorization');
  });

  it('refuses a customer and a support agent with 403 before the lab sees anything, and no token with 401', async () => {
    const before = lab.received.length;
    for (const role of ['customer', 'support'] as const) {
      const res = await withLab.call({ ...LAUNCH, headers: bearer(await up.auth.token([role])) });
      expect(res.status, res.text).toBe(403);
    }
    expect((await withLab.call(LAUNCH)).status).toBe(401);
    expect(lab.received.length).toBe(before);
  });

  it('refuses a staff token whose second factor is stale (step-up), before the lab sees anything', async () => {
    const before = lab.received.length;
    const stale = await up.auth.token(['security-analyst'], undefined, { mfaAt: Math.floor(Date.now() / 1000) - 3_600 });
    const res = await withLab.call({ ...LAUNCH, headers: bearer(stale) });
    expect(res.status, res.text).toBe(403);
    expect(lab.received.length).toBe(before);
  });

  it('answers 503 ATTACK_LAB_UNAVAILABLE, pointing at npm start, where no lab is configured', async () => {
    const res = await withoutLab.call({ ...LAUNCH, headers: bearer(await up.auth.token(['security-analyst'])) });
    expect(res.status, res.text).toBe(503);
    expect(res.json.error).toMatchObject({ code: 'ATTACK_LAB_UNAVAILABLE', message: expect.stringContaining('npm start') });
  });
});
