import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCertificate } from './certificate-authority';
import { ensureDevSecrets, LEAF_VALID_DAYS, leafNeedsRenewal } from './dev-secrets';

const DAY = 86_400_000;

describe('service certificates are short-lived and renewed automatically', () => {
  const dirs: string[] = [];
  const secrets = (now: Date, ipAddresses: string[] = []) => {
    const dir = dirs.at(-1) ?? mkdtempSync(path.join(tmpdir(), 'storefront-pki-spec-'));
    if (!dirs.includes(dir)) dirs.push(dir);
    ensureDevSecrets({ dir, identities: ['order'], databases: [], now: () => now, ipAddresses });
    return readFileSync(path.join(dir, 'tls', 'order.crt'), 'utf8');
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it(`issues leaves valid for ${LEAF_VALID_DAYS} days`, () => {
    const { notBefore, notAfter } = describeCertificate(secrets(new Date()));
    expect((notAfter.getTime() - notBefore.getTime()) / DAY).toBeCloseTo(LEAF_VALID_DAYS, 2);
  });

  it('keeps a leaf before half its life and renews it after', () => {
    const first = secrets(new Date());
    expect(secrets(new Date(Date.now() + 3 * DAY))).toBe(first);
    expect(leafNeedsRenewal(first, [], new Date(Date.now() + 4 * DAY))).toBe(true);
    expect(secrets(new Date(Date.now() + 4 * DAY))).not.toBe(first);
  });

  it('renews a leaf that does not name an address the stack now calls it at', () => {
    const first = secrets(new Date());
    expect(leafNeedsRenewal(first, ['127.0.0.1'], new Date())).toBe(false);
    expect(leafNeedsRenewal(first, ['10.231.10.2'], new Date())).toBe(true);
    const renewed = secrets(new Date(), ['10.231.10.2']);
    expect(describeCertificate(renewed).ipAddresses).toEqual(['127.0.0.1', '10.231.10.2']);
  });
});
