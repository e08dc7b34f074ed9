import path from 'node:path';
import { DEMO_ACCOUNTS } from './demo-accounts';

export interface BannerFacts {
  /** First line, e.g. "The store is open at https://localhost:8443  (ready in 12.3 s)". */
  headline: string;
  /** The development CA the browser should trust. */
  caFile: string;
  /** The demo staff's TOTP secrets the auth seed wrote. */
  staffTotpFile: string;
  /** Lines between the CA hint and the demo logins (the zones launcher describes its zones there). */
  details?: string[];
  /** Last line: how to stop. */
  closing: string;
}

/** What `npm start` and `npm run start:zones` print once the store is up: where it is and how to sign in. */
export function storeBanner(facts: BannerFacts): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  const relative = (file: string) => path.relative(process.cwd(), file) || file;
  return [
    '',
    facts.headline,
    `Your browser will warn about the development CA; trust ${relative(facts.caFile)} to silence it.`,
    '',
    ...(facts.details ? [...facts.details, ''] : []),
    'Demo logins:',
    ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(16)} ${a.email.padEnd(width)}  ${a.password}`),
    '',
    `Staff accounts sign in with a second factor: the 6-digit code of the TOTP secret for their email in ${relative(facts.staffTotpFile)}`,
    '(JSON; add one to an authenticator app as otpauth://totp/Storefront:<email>?secret=<secret>&issuer=Storefront).',
    'Staff actions ask for a fresh code again after five minutes.',
    '',
    `Test card 4242 4242 4242 4242 approves; 4000 0000 0000 0002 declines. ${facts.closing}`,
    '',
  ].join('\n');
}
