import { isPasskeyCancelled, stepUpWithPasskey } from '../passkeys';
import { askForStepUp, type StepUpResult } from '../step-up-dialog';
import { ApiError } from './errors';
import { apiRequest, type RequestOptions } from './http';
import { startSession } from './session';

let promptInFlight: Promise<boolean> | null = null;

/**
 * Runs an API call; when the answer is 403 STEP_UP_REQUIRED (a staff action
 * or a large checkout without a second-factor proof from the last five
 * minutes), asks for the authenticator code or a passkey, trades it at
 * /api/auth/step-up for a fresh access token and retries the call once.
 * Cancelling rethrows the original refusal. Parallel calls (a polling page)
 * share one prompt.
 */
export async function withStepUp<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'STEP_UP_REQUIRED')) throw error;
    promptInFlight ??= askForStepUp(error.message, { code: confirmWithCode, passkey: confirmWithPasskey }).finally(() => {
      promptInFlight = null;
    });
    if (!(await promptInFlight)) throw error;
    return call();
  }
}

/** apiRequest for staff routes and other step-up protected calls. */
export function stepUpRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return withStepUp(() => apiRequest<T>(path, options));
}

async function confirmWithCode(code: string): Promise<StepUpResult> {
  try {
    // A 401 here means a wrong code, not an expired session: no refresh-and-retry.
    const { accessToken } = await apiRequest<{ accessToken: string }>('/api/auth/step-up', { method: 'POST', body: { code }, refreshOnUnauthorized: false });
    startSession(accessToken);
    return { ok: true };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'MFA_CODE_INVALID') return { ok: false, message: 'That code is not valid (or was already used). Enter the current code.' };
    return refused(error, 'The code could not be checked. Try again.');
  }
}

async function confirmWithPasskey(): Promise<StepUpResult> {
  try {
    startSession((await stepUpWithPasskey()).accessToken);
    return { ok: true };
  } catch (error) {
    if (isPasskeyCancelled(error)) return { ok: false, message: 'No passkey was used. Try again, or enter a code.' };
    return refused(error, 'The passkey could not be checked. Try again.');
  }
}

function refused(error: unknown, fallback: string): StepUpResult {
  if (error instanceof ApiError && error.code === 'MFA_NOT_ENROLLED') return { ok: false, message: error.message, notEnrolled: true };
  return { ok: false, message: error instanceof Error ? error.message : fallback };
}
