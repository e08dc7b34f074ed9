import { readFileSync } from 'node:fs';
import { generate } from 'otplib';
import { expect, inject } from 'vitest';
import type { StorefrontClient } from './storefront-client';

/**
 * Staff sign-in for e2e specs. The demo staff accounts have TOTP (the auth
 * seed enrols it and writes the secrets to DEMO_STAFF_TOTP_FILE), and every
 * staff action needs a second-factor proof from the last five minutes, so a
 * staff spec signs in with password + a code computed from that file.
 */

const STEP_SECONDS = 30;
/** A token is reused within one test process while its MFA proof is this young (the step-up window is 5 minutes). */
const REUSE_TOKEN_FOR_MS = 4 * 60_000;

let secrets: Record<string, string> | undefined;
/** The last TOTP step this process used per account: the server refuses a code of a step already used (replay protection). */
const lastStep = new Map<string, number>();
const signedIn = new Map<string, { token: string; at: number }>();

const stepAt = (ms: number) => Math.floor(ms / 1000 / STEP_SECONDS);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function secretOf(email: string): string {
  secrets ??= JSON.parse(readFileSync(inject('staffTotpFile'), 'utf8')) as Record<string, string>;
  const secret = secrets[email];
  if (!secret) throw new Error(`no TOTP secret for ${email} in ${inject('staffTotpFile')}: is it a seeded staff account?`);
  return secret;
}

/** Waits until the next 30-second step begins (plus a little, so client and server agree on it). */
export async function waitForNextTotpStep(): Promise<void> {
  const now = Date.now();
  await sleep((stepAt(now) + 1) * STEP_SECONDS * 1000 - now + 250);
}

/**
 * A TOTP code for a demo staff account, of a step this process has not used
 * for that account yet (waits for the next step when needed).
 */
export async function staffTotpCode(email: string): Promise<string> {
  if (stepAt(Date.now()) <= (lastStep.get(email) ?? -1)) await waitForNextTotpStep();
  const now = Date.now();
  lastStep.set(email, stepAt(now));
  return generate({ secret: secretOf(email), epoch: Math.floor(now / 1000) });
}

/**
 * Signs a demo staff account in through the gateway (password, then the MFA
 * step) and returns an access token carrying a fresh mfa_at. A code refused
 * as already used (another process signed the same account in during this
 * step) is retried once with the next step's code.
 */
export async function signInStaff(api: StorefrontClient, email: string, password: string): Promise<string> {
  const cached = signedIn.get(email);
  if (cached && Date.now() - cached.at < REUSE_TOKEN_FOR_MS) return cached.token;
  const at = Date.now();
  const login = await api.call<{ mfaRequired?: boolean; mfaToken?: string }>('POST', '/api/auth/login', { body: { email, password } });
  expect(login.status, login.text).toBe(200);
  expect(login.body.mfaRequired, `${email} should have TOTP from the demo seed`).toBe(true);
  const verify = (code: string) =>
    api.call<{ accessToken: string; error?: { code: string } }>('POST', '/api/auth/mfa/verify', { body: { mfaToken: login.body.mfaToken, code } });
  let verified = await verify(await staffTotpCode(email));
  if (verified.status === 401 && verified.body.error?.code === 'MFA_CODE_INVALID') {
    await waitForNextTotpStep();
    verified = await verify(await staffTotpCode(email));
  }
  expect(verified.status, verified.text).toBe(200);
  signedIn.set(email, { token: verified.body.accessToken, at });
  return verified.body.accessToken;
}
