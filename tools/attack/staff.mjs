import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from 'otplib';
import { SetupError } from './context.mjs';
import { brief } from './http.mjs';

/**
 * The seeded demo staff (apps/auth/src/seed/demo-accounts.ts). Only evidence
 * that customers cannot see (alerts) needs them; scenarios prefer what the
 * attacker itself observes.
 */
const STAFF = {
  support: { email: 'support@storefront.test', password: 'Support-Demo-2026' },
  'catalog-manager': { email: 'catalog@storefront.test', password: 'Catalog-Demo-2026' },
  'security-analyst': { email: 'security@storefront.test', password: 'Security-Demo-2026' },
  admin: { email: 'admin@storefront.test', password: 'Admin-Demo-2026' },
};

/**
 * The seed enrols TOTP for every staff account and writes the secrets to
 * DEMO_STAFF_TOTP_FILE, beside the TLS folder: .secrets/auth/ for npm start,
 * tmp/e2e/secrets/auth/ for the e2e stack.
 */
const totpFileFor = (tlsDir) => path.join(tlsDir, '..', 'auth', 'demo-staff-totp.json');

/**
 * The one place the harness signs staff in (password, then a TOTP code, so
 * the token carries the fresh MFA proof staff actions need): adapt this
 * function when staff roles or sign-in change. Returns { token } or throws
 * SetupError (the scenario is then INCONCLUSIVE, never "stopped").
 * A code's time step can be used once per account: call it at most once
 * per account and 30 s.
 */
export async function signInAsStaff(client, role, tlsDir) {
  const account = STAFF[role];
  if (!account) throw new SetupError(`no demo staff account for role ${role}`);
  let secret;
  try {
    secret = JSON.parse(readFileSync(totpFileFor(tlsDir), 'utf8'))[account.email];
  } catch {
    secret = undefined;
  }
  const attempt = async () => {
    const login = await client.call('POST', '/api/auth/login', { body: account });
    if (login.status !== 200) throw new SetupError(`staff sign-in as ${role} refused: ${brief(login)}`);
    if (!login.body?.mfaRequired) return { token: login.body.accessToken };
    if (!secret) throw new SetupError(`no TOTP secret for ${account.email} in ${totpFileFor(tlsDir)}`);
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
    return client.call('POST', '/api/auth/mfa/verify', { body: { mfaToken: login.body.mfaToken, code } });
  };
  let verified = await attempt();
  if (verified.token) return verified;
  // Someone (another scenario, another test) used this account's code for the current 30 s step: replay protection
  // refuses it again, so wait for the next step and sign in afresh, once.
  if (verified.status === 401 && verified.body?.error?.code === 'MFA_CODE_INVALID') {
    await new Promise((resolve) => setTimeout(resolve, (30 - (Math.floor(Date.now() / 1000) % 30)) * 1000 + 500));
    verified = await attempt();
    if (verified.token) return verified;
  }
  if (verified.status !== 200) throw new SetupError(`staff MFA as ${role} refused: ${brief(verified)}`);
  return { token: verified.body.accessToken };
}
