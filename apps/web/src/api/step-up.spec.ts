import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors';

const prompt = vi.hoisted(() => ({ answer: '123456' as string | null, calls: 0 }));
const http = vi.hoisted(() => ({ apiRequest: vi.fn() }));
const session = vi.hoisted(() => ({ startSession: vi.fn() }));

// The dialog is DOM; here it "types" prompt.answer (null: the person cancels) and reports whether the code was accepted.
vi.mock('../step-up-dialog', () => ({
  askForStepUpCode: async (_reason: string, check: (code: string) => Promise<{ ok: boolean }>) => {
    prompt.calls++;
    if (prompt.answer === null) return false;
    return (await check(prompt.answer)).ok;
  },
}));
vi.mock('./http', () => http);
vi.mock('./session', () => session);

const { withStepUp } = await import('./step-up');

const stepUpRequired = () => new ApiError(403, 'STEP_UP_REQUIRED', 'needs a second-factor proof');

describe('withStepUp', () => {
  beforeEach(() => {
    prompt.answer = '123456';
    prompt.calls = 0;
    http.apiRequest.mockReset();
    session.startSession.mockReset();
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
});
