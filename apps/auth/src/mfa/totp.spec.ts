import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { checkTotp, newTotpSecret, totpUri } from './totp';

const NOW = new Date('2026-03-01T12:00:10Z');
const at = (date: Date, offsetSeconds = 0) => Math.floor(date.getTime() / 1000) + offsetSeconds;

describe('TOTP', () => {
  it('builds an otpauth URI with the Storefront issuer and the account as label', () => {
    const secret = newTotpSecret();
    const uri = new URL(totpUri('ada@example.com', secret));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('issuer')).toBe('Storefront');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(decodeURIComponent(uri.pathname)).toContain('ada@example.com');
  });

  it('accepts the current code and reports its time step', async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret, epoch: at(NOW) });
    await expect(checkTotp(secret, code, null, NOW)).resolves.toEqual({ valid: true, step: Math.floor(at(NOW) / 30) });
  });

  it('tolerates one step of clock drift but not two', async () => {
    const secret = newTotpSecret();
    const previous = await generate({ secret, epoch: at(NOW, -30) });
    const tooOld = await generate({ secret, epoch: at(NOW, -90) });
    expect((await checkTotp(secret, previous, null, NOW)).valid).toBe(true);
    expect((await checkTotp(secret, tooOld, null, NOW)).valid).toBe(false);
  });

  it('refuses a code that was already used (replay)', async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret, epoch: at(NOW) });
    const first = await checkTotp(secret, code, null, NOW);
    expect(first.valid).toBe(true);
    const step = first.valid ? first.step : -1;
    await expect(checkTotp(secret, code, step, NOW)).resolves.toEqual({ valid: false });
  });

  it('refuses malformed codes and impossible replay markers without throwing', async () => {
    const secret = newTotpSecret();
    for (const code of ['', '12345', '1234567', 'abcdef', '12 456']) await expect(checkTotp(secret, code, null, NOW)).resolves.toEqual({ valid: false });
    const code = await generate({ secret, epoch: at(NOW) });
    await expect(checkTotp(secret, code, Number.MAX_SAFE_INTEGER, NOW)).resolves.toEqual({ valid: false });
  });
});
