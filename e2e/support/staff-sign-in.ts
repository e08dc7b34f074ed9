import { readFileSync } from 'node:fs';
import { generate } from 'otplib';
import { expect, inject } from 'vitest';
import { signInWithTotp, totpStepAt, waitForNextTotpStep } from '../../tools/attack/totp-sign-in.mjs';
import type { StorefrontClient } from './storefront-client';

export { waitForNextTotpStep };

/**
 * Staff sign-in for e2e specs. The demo staff accounts have TOTP (the auth
 * seed enrols it and writes the secrets to DEMO_STAFF_TOTP_FILE), and every
 * staff action needs a second-factor proof from the last five minutes, so a
 * staff spec signs in with password + a code computed from that file.
 */

interface SignInAnswer {
  mfaRequired?: boolean;
  mfaToken?: string;
  accessToken?: string;
  error?: { code: string };
}

/** A token is reused within one test process while its MFA proof is this young (the step-up window is 5 minutes). */
const REUSE_TOKEN_FOR_MS = 4 * 60_000;

let secrets: Record<string, string> | undefined;
/** The last TOTP step this process used per account: the server refuses a code of a step already used (replay protection). */
const lastStep = new Map<string, number>();
const signedIn = new Map<string, { token: string; at: number }>();

function secretOf(email: string): string {
  secrets ??= JSON.parse(readFileSync(inject('staffTotpFile'), 'utf8')) as Record<string, string>;
  const secret = secrets[email];
  if (!secret) throw new Error(`no TOTP secret for ${email} in ${inject('staffTotpFile')}: is it a seeded staff account?`);
  return secret;
}

/**
 * A TOTP code for a demo staff account, of a step this process has not used
 * for that account yet (waits for the next step when needed).
 */
export async function staffTotpCode(email: string): Promise<string> {
  if (totpStepAt(Date.now()) <= (lastStep.get(email) ?? -1)) await waitForNextTotpStep();
  const now = Date.now();
  lastStep.set(email, totpStepAt(now));
  return generate({ secret: secretOf(email), epoch: Math.floor(now / 1000) });
}

/**
 * Signs a demo staff account in through the gateway (password, then the MFA
 * step) and returns an access token carrying a fresh mfa_at (a code refused
 * as already used is retried in the next step: tools/attack/totp-sign-in.mjs).
 */
export async function signInStaff(api: StorefrontClient, email: string, password: string): Promise<string> {
  const cached = signedIn.get(email);
  if (cached && Date.now() - cached.at < REUSE_TOKEN_FOR_MS) return cached.token;
  const at = Date.now();
  const verified = await signInWithTotp({
    login: async () => {
      const answer = await api.call<SignInAnswer>('POST', '/api/auth/login', { body: { email, password } });
      if (answer.status === 200) expect(answer.body.mfaRequired, `${email} should have TOTP from the demo seed`).toBe(true);
      return answer;
    },
    verify: (mfaToken, code) => api.call<SignInAnswer>('POST', '/api/auth/mfa/verify', { body: { mfaToken, code } }),
    code: () => staffTotpCode(email),
  });
  const token = verified.body.accessToken;
  expect(verified.status, verified.text).toBe(200);
  if (!token) throw new Error(`no access token in ${verified.text}`);
  signedIn.set(email, { token, at });
  return token;
}
