import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeBanner } from './banner';
import { DEMO_ACCOUNTS } from './demo-accounts';

describe('storeBanner', () => {
  const banner = storeBanner({
    headline: 'The store is open at https://localhost:8443',
    caFile: path.join(process.cwd(), '.secrets/tls/ca.crt'),
    staffTotpFile: path.join(process.cwd(), '.secrets/auth/demo-staff-totp.json'),
    details: ['Zones: sf-edge'],
    closing: 'Press Ctrl-C to stop.',
  });

  it('lists every demo login and where the staff TOTP secrets are, as an authenticator app takes them', () => {
    for (const account of DEMO_ACCOUNTS) expect(banner).toMatch(new RegExp(`${account.email} +${account.password}`));
    expect(banner).toContain('.secrets/auth/demo-staff-totp.json');
    expect(banner).toContain('otpauth://totp/Storefront:<email>?secret=<secret>&issuer=Storefront');
  });

  it('keeps the launcher-specific lines: headline, CA to trust, details, how to stop', () => {
    expect(banner).toContain('The store is open at https://localhost:8443');
    expect(banner).toContain('trust .secrets/tls/ca.crt');
    expect(banner).toContain('Zones: sf-edge');
    expect(banner).toMatch(/Press Ctrl-C to stop\.\n$/);
  });
});
