import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';

const prompt = vi.hoisted(() => ({ answer: '123456' as string | null, calls: 0 }));
const http = vi.hoisted(() => ({ apiRequest: vi.fn() }));
const session = vi.hoisted(() => ({ startSession: vi.fn() }));
const passkeys = vi.hoisted(() => ({ stepUpWithPasskey: vi.fn(), isPasskeyCancelled: (error: unknown) => error instanceof Error && error.name === 'NotAllowedError' }));

// The dialog is DOM; here it "types" prompt.answer ('passkey': presses "Use a passkey"; null: the person cancels) and reports whether it was accepted.
vi.mock('../step-up-dialog', () => ({
  askForStepUp: async (_reason: string, checks: { code: (code: string) => Promise<{ ok: boolean }>; passkey: () => Promise<{ ok: boolean }> }) => {
    prompt.calls++;
    if (prompt.answer === null) return false;
    if (prompt.answer === 'passkey') return (await checks.passkey()).ok;
    return (await checks.code(prompt.answer)).ok;
  },
}));
vi.mock('./http', () => http);
vi.mock('./session', () => session);
vi.mock('../passkeys', () => passkeys);

const { withStepUp } = await import('./step-up');

const stepUpRequired = () => new ApiError(403, 'STEP_UP_REQUIRED', 'needs a second-factor proof');

describe('withStepUp', () => {
  beforeEach(() => {
    prompt.answer = '123456';
    prompt.calls = 0;
    http.apiRequest.mockReset();
    session.startSession.mockReset();
    passkeys.stepUpWithPasskey.mockReset();
  });

  it('asks for a code on STEP_UP_REQUIRED, stores the fresh token and retries the call once', async () => {
    http.apiRequest.mockResolvedValue({ accessToken: 'fresh-token', expiresIn: 600 });
    const call = vi.fn().mockRejectedValueOnce(stepUpRequired()).mockResolvedValueOnce('done');
    await expect(withStepUp(call)).resolves.toBe('done');
    expect(http.apiRequest).toHaveBeenCalledWith('/api/auth/step-up', { method: 'POST', body: { code: '123456' }, refreshOnUnauthorized: false });
    expect(session.startSession).toHaveBeenCalledWith('fresh-token');
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('passes any other error through without asking', async () => {
    const declined = new ApiError(402, 'CARD_DECLINED', 'declined');
    await expect(withStepUp(() => Promise.reject(declined))).rejects.toBe(declined);
    expect(prompt.calls).toBe(0);
  });

  it('rethrows the refusal when the person cancels, without retrying', async () => {
    prompt.answer = null;
    const refusal = stepUpRequired();
    const call = vi.fn().mockRejectedValue(refusal);
    await expect(withStepUp(call)).rejects.toBe(refusal);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('shares one prompt between calls refused at the same time (a polling page)', async () => {
    http.apiRequest.mockResolvedValue({ accessToken: 'fresh-token', expiresIn: 600 });
    const refusedOnce = () => vi.fn().mockRejectedValueOnce(stepUpRequired()).mockResolvedValueOnce('ok');
    await expect(Promise.all([withStepUp(refusedOnce()), withStepUp(refusedOnce())])).resolves.toEqual(['ok', 'ok']);
    expect(prompt.calls).toBe(1);
  });

  it('confirms with a passkey instead: stores the token it answers and retries the call once', async () => {
    prompt.answer = 'passkey';
    passkeys.stepUpWithPasskey.mockResolvedValue({ accessToken: 'passkey-token', expiresIn: 600 });
    const call = vi.fn().mockRejectedValueOnce(stepUpRequired()).mockResolvedValueOnce('done');
    await expect(withStepUp(call)).resolves.toBe('done');
    expect(session.startSession).toHaveBeenCalledWith('passkey-token');
    expect(http.apiRequest).not.toHaveBeenCalled();
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('does not retry when the passkey is refused or the browser dialog is closed', async () => {
    prompt.answer = 'passkey';
    for (const failure of [new ApiError(401, 'PASSKEY_STEP_UP_FAILED', 'refused'), Object.assign(new Error('closed'), { name: 'NotAllowedError' })]) {
      passkeys.stepUpWithPasskey.mockRejectedValueOnce(failure);
      const refusal = stepUpRequired();
      const call = vi.fn().mockRejectedValue(refusal);
      await expect(withStepUp(call)).rejects.toBe(refusal);
      expect(call).toHaveBeenCalledTimes(1);
    }
    expect(session.startSession).not.toHaveBeenCalled();
  });
});
