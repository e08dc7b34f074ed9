import { describe, expect, it } from 'vitest';
import { decodeByteaHex, scanDump, scanForLuhnRuns, spellingsOf } from './luhn-scanner';

const WINDOW = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 11, 31) };
const IN_WINDOW_MS = String(Date.UTC(2026, 5, 1, 12, 0, 0, 5)); // 13 digits

describe('scanForLuhnRuns', () => {
  it('finds a card number bare, grouped by spaces and grouped by dashes', () => {
    for (const text of ['pan=4242424242424242;', '"4242 4242 4242 4242"', 'x 4242-4242-4242-4242 y']) {
      expect(scanForLuhnRuns(text, 't').map((h) => [h.kind, h.digits])).toEqual([['card-like', '4242424242424242']]);
    }
  });

  it('finds 13- and 19-digit card numbers and an Amex grouping', () => {
    expect(scanForLuhnRuns('4222222222222', 't').map((h) => h.digits)).toEqual(['4222222222222']);
    expect(scanForLuhnRuns('6221260000000000001', 't').map((h) => h.digits)).toEqual(['6221260000000000001']);
    expect(scanForLuhnRuns('3782 822463 10005', 't').map((h) => h.digits)).toEqual(['378282246310005']);
  });

  it('ignores Luhn-invalid runs, runs shorter than 13 or longer than 19, and digits glued to more digits', () => {
    expect(scanForLuhnRuns('4242424242424241 424242424242 42424242424242424242424', 't')).toEqual([]);
  });

  it('reports where the hit came from, with the text around it', () => {
    const [hit] = scanForLuhnRuns('{"number":"5555555555554444"}', 'auth.log');
    expect(hit.source).toBe('auth.log');
    expect(hit.context).toContain('"number"');
  });

  it('classifies an epoch-ms value inside the window as a timestamp, and the same value outside the window or without one as card-like', () => {
    const value = luhnValidEpochMs();
    expect(scanForLuhnRuns(`"time":${value}`, 't', { timeWindow: WINDOW }).map((h) => h.kind)).toEqual(['epoch-ms']);
    expect(scanForLuhnRuns(`id ${value}-3`, 't', { timeWindow: WINDOW }).map((h) => h.kind)).toEqual(['epoch-ms']);
    expect(scanForLuhnRuns(`"time":${value}`, 't').map((h) => h.kind)).toEqual(['card-like']);
    expect(scanForLuhnRuns(`"time":${value}`, 't', { timeWindow: { from: 0, to: 1000 } }).map((h) => h.kind)).toEqual(['card-like']);
  });

  it('classifies a YYYYMMDDhhmmss migration name as a date-time, but not 14 digits that are no date', () => {
    const migration = luhnValid('2026112512000', (d) => /^\d{14}$/.test(d));
    expect(scanForLuhnRuns(`${migration}_add_cards`, 't').map((h) => h.kind)).toEqual(['compact-datetime']);
    const notADate = luhnValid('9926112512000', (d) => /^\d{14}$/.test(d));
    expect(scanForLuhnRuns(`${notADate}_x`, 't').map((h) => h.kind)).toEqual(['card-like']);
  });

  it('classifies digits inside a long hex token with letters as a hex fragment, and a card number beside a short one as card-like', () => {
    const digest = `717d9b5d76997cf70d1e907f${'4242424242424242'}faacf70f14c76bc4f3453848`;
    expect(scanForLuhnRuns(digest, 't').map((h) => h.kind)).toEqual(['hex-fragment']);
    expect(scanForLuhnRuns('id=4242424242424242abc', 't').map((h) => h.kind)).toEqual(['card-like']);
    expect(scanForLuhnRuns(`${'0'.repeat(24)} 4242 4242 4242 4242 ${'ab'.repeat(20)}`, 't').map((h) => h.kind)).toEqual(['card-like']);
  });

  it('classifies all-digit tail groups of a UUID as a UUID fragment, and a grouped card number after a UUID as card-like', () => {
    const tail = luhnValid('812345678901234', (d) => d.length === 16);
    const uuid = `0b6f3c2e-9d41-4a7e-${tail.slice(0, 4)}-${tail.slice(4)}`;
    expect(scanForLuhnRuns(`"orderId":"${uuid}"`, 't').map((h) => [h.kind, h.digits])).toEqual([['uuid-fragment', tail]]);
    expect(scanForLuhnRuns(`${'0b6f3c2e-9d41-4a7e-8abc-0123456789ab'} 4242-4242-4242-4242`, 't').map((h) => h.kind)).toEqual(['card-like']);
  });

  it('never classifies a 16-digit card number as a timestamp', () => {
    expect(scanForLuhnRuns('4242424242424242', 't', { timeWindow: { from: 0, to: Number.MAX_SAFE_INTEGER } }).map((h) => h.kind)).toEqual(['card-like']);
  });
});

describe('scanDump', () => {
  it('finds a card number stored as raw bytes, which a dump shows only as bytea hex', () => {
    const dump = `COPY t (b) FROM stdin;\n\\\\x${Buffer.from('4242424242424242').toString('hex')}\n\\.\n`;
    expect(scanForLuhnRuns(dump, 'd')).toEqual([]);
    expect(decodeByteaHex(dump)).toEqual(['4242424242424242']);
    expect(scanDump(dump, 'd').map((h) => [h.source, h.digits])).toEqual([['d (bytea)', '4242424242424242']]);
  });
});

describe('spellingsOf', () => {
  it('lists the bare, grouped, hex and base64 (unpadded, so it matches inside a longer value) forms', () => {
    expect(spellingsOf('4242424242424242')).toEqual([
      '4242424242424242',
      '4242 4242 4242 4242',
      '4242-4242-4242-4242',
      '34323432343234323432343234323432',
      'NDI0MjQyNDI0MjQyNDI0Mg',
    ]);
  });
});

/** `prefix` plus the check digit that makes it Luhn-valid. */
function luhnValid(prefix: string, accept: (digits: string) => boolean): string {
  for (let d = 0; d < 10; d += 1) if (passes(`${prefix}${d}`) && accept(`${prefix}${d}`)) return `${prefix}${d}`;
  throw new Error(`no check digit for ${prefix}`);
}

function passes(digits: string): boolean {
  return scanForLuhnRuns(digits, 't').length > 0;
}

/** A 13-digit epoch-ms value inside WINDOW that passes Luhn (one in ten does). */
function luhnValidEpochMs(): string {
  for (let ms = Number(IN_WINDOW_MS); ; ms += 1) if (passes(String(ms))) return String(ms);
}
