import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AuthTestService, startAuthTestService, uniqueEmail } from '../test-support/auth-test-service';
import { RecordingSleeper } from '../test-support/time-doubles';

const SAMPLES = 7;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Account enumeration by timing: an unknown email must cost the same argon2
 * work as a wrong password. Not a benchmark: a coarse ratio of medians that
 * fails only when one path skips the hash (an order of magnitude apart).
 * Sign-in delays are recorded, not waited, so only the hashing is measured.
 */
describe('sign-in timing does not reveal which emails have accounts', () => {
  let auth: AuthTestService;
  beforeAll(async () => {
    auth = await startAuthTestService(inject('postgresAdminUrl'), {}, { sleeper: new RecordingSleeper() });
  });
  afterAll(async () => auth?.close());

  async function timedLogin(email: string): Promise<{ ms: number; status: number; body: unknown }> {
    const started = performance.now();
    const res = await auth.call('POST', '/auth/login', { body: { email, password: 'not the password' } });
    return { ms: performance.now() - started, status: res.status, body: res.body };
  }

  it('answers an unknown email as slowly as a wrong password, with the same status and body', async () => {
    const wrongPassword: number[] = [];
    const unknownEmail: number[] = [];
    const bodies = new Set<string>();
    // Interleaved, one fresh account per sample, so neither side meets a lock or a warmer cache.
    for (let i = 0; i < SAMPLES; i += 1) {
      const email = uniqueEmail('timing');
      expect((await auth.call('POST', '/auth/register', { body: { email, password: 'long enough secret', name: 'Ada' } })).status).toBe(201);
      const wrong = await timedLogin(email);
      const unknown = await timedLogin(uniqueEmail('timing-nobody'));
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      bodies.add(JSON.stringify(wrong.body)).add(JSON.stringify(unknown.body));
      wrongPassword.push(wrong.ms);
      unknownEmail.push(unknown.ms);
    }
    expect(bodies.size).toBe(1);
    const ratio = median(unknownEmail) / median(wrongPassword);
    expect(ratio, `unknown ${median(unknownEmail).toFixed(1)} ms vs wrong ${median(wrongPassword).toFixed(1)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
