import { describe, expect, it } from 'vitest';
import { signInWithTotp, totpStepAt } from './totp-sign-in.mjs';

type Answer = { status: number; body: Record<string, unknown> };
const ok = (body: Record<string, unknown>): Answer => ({ status: 200, body });
const spent: Answer = { status: 401, body: { error: { code: 'MFA_CODE_INVALID' } } };

/** A sign-in whose answers are scripted, recording every call in order. */
function scripted(logins: Answer[], verifications: Answer[]) {
  const calls: string[] = [];
  let codes = 0;
  const steps = {
    login: async () => {
      calls.push('login');
      return logins.shift()!;
    },
    verify: async (mfaToken: string, code: string) => {
      calls.push(`verify ${mfaToken} ${code}`);
      return verifications.shift()!;
    },
    code: async () => `code-${++codes}`,
    waitForNextStep: async () => {
      calls.push('wait');
    },
  };
  return { steps, calls };
}

describe('signInWithTotp (shared by the attack harness and the e2e staff helper)', () => {
  it('answers the sign-in itself when no second factor is asked for, or when the sign-in fails', async () => {
    const plain = scripted([ok({ accessToken: 't' })], []);
    expect(await signInWithTotp(plain.steps)).toEqual(ok({ accessToken: 't' }));
    const refused = scripted([{ status: 401, body: {} }], []);
    expect((await signInWithTotp(refused.steps)).status).toBe(401);
    expect([...plain.calls, ...refused.calls]).toEqual(['login', 'login']);
  });

  it('retries a code refused as spent once, from a fresh sign-in in the next step', async () => {
    const { steps, calls } = scripted([ok({ mfaRequired: true, mfaToken: 'm1' }), ok({ mfaRequired: true, mfaToken: 'm2' })], [spent, ok({ accessToken: 't' })]);
    expect(await signInWithTotp(steps)).toEqual(ok({ accessToken: 't' }));
    expect(calls).toEqual(['login', 'verify m1 code-1', 'wait', 'login', 'verify m2 code-2']);
  });

  it('does not retry twice, nor any other refusal', async () => {
    const twice = scripted([ok({ mfaRequired: true, mfaToken: 'm1' }), ok({ mfaRequired: true, mfaToken: 'm2' })], [spent, spent]);
    expect(await signInWithTotp(twice.steps)).toEqual(spent);
    const locked: Answer = { status: 423, body: { error: { code: 'ACCOUNT_LOCKED' } } };
    const other = scripted([ok({ mfaRequired: true, mfaToken: 'm1' })], [locked]);
    expect(await signInWithTotp(other.steps)).toEqual(locked);
    expect(other.calls).toEqual(['login', 'verify m1 code-1']);
  });

  it('numbers 30-second steps', () => {
    expect(totpStepAt(29_999)).toBe(0);
    expect(totpStepAt(30_000)).toBe(1);
  });
});
