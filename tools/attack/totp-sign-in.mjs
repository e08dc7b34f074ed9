// Signing a TOTP account in: password, then a code. Shared by the attack
// harness (staff.mjs) and the e2e staff helper (e2e/support/staff-sign-in.ts),
// so the one subtle part lives once: auth refuses a code of a 30 s step that
// was already used for the account (replay protection), and another test or
// scenario may have signed the same demo account in during this step.
import { setTimeout as sleep } from 'node:timers/promises';

export const TOTP_STEP_SECONDS = 30;

/** The TOTP time step a moment falls in. */
export const totpStepAt = (ms) => Math.floor(ms / 1000 / TOTP_STEP_SECONDS);

/** Waits until the next 30-second step begins (plus a little, so client and server agree on it). */
export async function waitForNextTotpStep() {
  const now = Date.now();
  await sleep((totpStepAt(now) + 1) * TOTP_STEP_SECONDS * 1000 - now + 250);
}

const codeWasSpent = (res) => res.status === 401 && res.body?.error?.code === 'MFA_CODE_INVALID';

/**
 * Signs in with `login()` (POST /api/auth/login) and, when it asks for a
 * second factor, `verify(mfaToken, code)` (POST /api/auth/mfa/verify) with
 * `code()`. A code refused as spent is retried once, from a fresh sign-in,
 * in the next step (`waitForNextStep`, replaceable in tests). Returns the last response: the sign-in's when it
 * failed or asked for nothing more, else the verification's.
 */
export async function signInWithTotp({ login, verify, code, waitForNextStep = waitForNextTotpStep }) {
  const attempt = async () => {
    const signedIn = await login();
    if (signedIn.status !== 200 || !signedIn.body?.mfaRequired) return signedIn;
    return verify(signedIn.body.mfaToken, await code());
  };
  const first = await attempt();
  if (!codeWasSpent(first)) return first;
  await waitForNextStep();
  return attempt();
}
