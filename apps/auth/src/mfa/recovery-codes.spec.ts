import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';

describe('recovery codes', () => {
  it('come ten at a time, distinct, in the xxxxx-xxxxx shape', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
  });

  it('normalize what a person types: case, spaces and dashes do not matter', () => {
    const [code] = generateRecoveryCodes(1);
    const plain = code.replace('-', '');
    expect(normalizeRecoveryCode(code)).toBe(plain);
    expect(normalizeRecoveryCode(` ${code.toUpperCase()} `)).toBe(plain);
  });

  it('reject anything that cannot be a recovery code', () => {
    for (const input of ['', '123456', 'abcde-fghij-k', 'ilouu-00000', "' or 1=1"]) expect(normalizeRecoveryCode(input)).toBeUndefined();
  });
});
