import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from 'otplib';
import { SetupError } from './context.mjs';
import { brief } from './http.mjs';
import { signInWithTotp } from './totp-sign-in.mjs';

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
  const code = async () => {
    if (!secret) throw new SetupError(`no TOTP secret for ${account.email} in ${totpFileFor(tlsDir)}`);
    return generate({ secret, epoch: Math.floor(Date.now() / 1000) });
  };
  const signedIn = await signInWithTotp({
    login: () => client.call('POST', '/api/auth/login', { body: account }),
    verify: (mfaToken, totp) => client.call('POST', '/api/auth/mfa/verify', { body: { mfaToken, code: totp } }),
    code,
  });
  if (signedIn.status !== 200 || !signedIn.body?.accessToken) throw new SetupError(`staff sign-in as ${role} refused: ${brief(signedIn)}`);
  return { token: signedIn.body.accessToken };
}
