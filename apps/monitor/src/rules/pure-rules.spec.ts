import { describe, expect, it } from 'vitest';
import { isBlockable } from '../responses/edge-blocklist';
import { distanceKm, geoipLookup } from './geo';
import { judgeTravel, type SignIn } from './impossible-travel.rule';
import { mad, median, robustScore } from './robust-stats';
import { judgePurchase } from './unusual-purchase.rule';

const PARIS = { country: 'FR', lat: 48.86, lon: 2.35 };
const BERLIN = { country: 'DE', lat: 52.52, lon: 13.4 };
const NEW_YORK = { country: 'US', lat: 40.71, lon: -74.0 };
const signIn = (minutes: number, geo: SignIn['geo'], id = `s${minutes}${geo.country}`): SignIn => ({ id, at: new Date(Date.UTC(2026, 0, 1, 12, minutes)), geo });

describe('robust statistics', () => {
  it('takes the median and MAD, unmoved by one outlier', () => {
    expect(median([1, 3, 2])).toBe(2);
    expect(median([1, 2, 3, 100])).toBe(2.5);
    expect(mad([1, 2, 3, 4, 1000])).toBe(1);
  });

  it('scores against the spread, with a floor when the history never varies', () => {
    expect(robustScore(5000, [5000, 5000, 5000], { share: 0.1, absolute: 500 })).toBe(0);
    expect(robustScore(10_000, [5000, 5000, 5000], { share: 0.1, absolute: 500 })).toBe(10);
  });
});

describe('judgePurchase', () => {
  const usual = [4800, 5200, 5000, 6100, 4500].map((totalCents) => ({ totalCents, itemCount: 2 }));

  it('flags a basket far above the customer’s own median on total or items', () => {
    expect(judgePurchase({ totalCents: 40_000, itemCount: 2 }, usual)).toMatchObject({ measure: 'total', usual: 5000 });
    expect(judgePurchase({ totalCents: 5000, itemCount: 30 }, usual)).toMatchObject({ measure: 'items' });
  });

  it('accepts a basket within the usual range, and a large one from a customer who always buys large', () => {
    expect(judgePurchase({ totalCents: 7000, itemCount: 3 }, usual)).toBeNull();
    const wholesale = usual.map((b) => ({ totalCents: b.totalCents * 100, itemCount: 40 }));
    expect(judgePurchase({ totalCents: 600_000, itemCount: 45 }, wholesale)).toBeNull();
  });

  it('uses only the fixed ceiling below the minimum history', () => {
    expect(judgePurchase({ totalCents: 400_000, itemCount: 1 }, usual.slice(0, 4))).toBeNull();
    expect(judgePurchase({ totalCents: 500_000, itemCount: 1 }, usual.slice(0, 4))).toMatchObject({ measure: 'new customer total' });
  });
});

describe('judgeTravel', () => {
  it('knows Paris to Berlin is about 880 km', () => {
    expect(distanceKm(PARIS, BERLIN)).toBeGreaterThan(850);
    expect(distanceKm(PARIS, BERLIN)).toBeLessThan(900);
  });

  it('flags Paris then New York 45 minutes later (speed), without a lock', () => {
    expect(judgeTravel(signIn(45, NEW_YORK), [signIn(0, PARIS)])).toMatchObject({ severity: 'high', lock: false });
  });

  it('flags two countries within 30 minutes even when the distance is short', () => {
    const verdict = judgeTravel(signIn(20, { country: 'DE', lat: 48.57, lon: 7.82 }), [signIn(0, { country: 'FR', lat: 48.58, lon: 7.75 })]);
    expect(verdict?.reason).toMatch(/within 30 minutes/);
  });

  it('locks at five countries in the hour', () => {
    const countries = ['FR', 'DE', 'US', 'JP', 'BR'].map((country, i) => signIn(i * 10, { ...PARIS, country }));
    expect(judgeTravel(countries[4], countries.slice(0, 4))).toMatchObject({ severity: 'critical', lock: true });
  });

  it('lets a traveller be: Paris, then Berlin 3 hours later', () => {
    expect(judgeTravel(signIn(180, BERLIN), [signIn(0, PARIS)])).toBeNull();
  });

  it('locates real addresses offline with geoip-lite, and ignores unknown ones', () => {
    expect(geoipLookup('81.2.69.142')?.country).toBe('GB');
    expect(geoipLookup('10.0.0.1')).toBeNull();
  });
});

describe('isBlockable', () => {
  it('never blocks loopback, private or link-local addresses, which stand for many clients', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.1', '169.254.0.1', '::1', 'fd00::1', 'fe80::1']) expect(isBlockable(ip), ip).toBe(false);
    for (const ip of ['203.0.113.77', '8.8.8.8', '2001:db8::1']) expect(isBlockable(ip), ip).toBe(true);
  });
});
