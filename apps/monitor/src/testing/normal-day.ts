import type { SecurityEvent, SecurityEventInput } from '@storefront/platform/events';

/** mulberry32: a tiny seeded PRNG, so the "normal day" is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Real addresses whose country geoip-lite knows (checked against its bundled data), a few per country. */
export const IPS_BY_COUNTRY: Record<string, string[]> = {
  US: ['8.8.8.8', '151.101.1.1', '45.0.0.1'],
  GB: ['81.2.69.142', '212.58.244.20'],
  DE: ['5.9.0.1', '89.0.0.1'],
  FR: ['62.4.0.1'],
  NL: ['193.0.14.129'],
  SE: ['130.239.18.1'],
  IE: ['185.60.216.35'],
  BR: ['200.160.2.3', '2.16.0.1'],
  ZA: ['41.0.0.1', '196.25.1.1'],
  SG: ['103.4.96.1'],
  JP: ['210.140.10.1', '202.12.27.33'],
  RU: ['77.88.55.55'],
};
const HOME_COUNTRIES = ['US', 'US', 'GB', 'DE', 'FR', 'NL', 'SE', 'BR', 'JP'];
const EUROPE = ['GB', 'DE', 'FR', 'NL', 'IE'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Shopper {
  userId: string;
  email: string;
  country: string;
  homeIp: string;
  /** Typical basket in cents and items. */
  usualCents: number;
  usualItems: number;
}

type Emit = (service: string, at: number, input: SecurityEventInput & { actor: NonNullable<SecurityEventInput['actor']> }) => void;

/** A deterministic UUID-shaped id from the PRNG (v4 layout). */
function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (Math.floor(random() * 4) + 8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * A normal day of ~200 shoppers, generated from a seed: each has ~8 orders
 * of history over the past 90 days around a personal basket size (±30%),
 * then today signs in 1–3 times (a few typos first, a few from a second
 * address at home, some travellers who fly to a neighbouring country hours
 * later, some sharing an office NAT address), adds a card now and then,
 * gets the odd decline, and places 0–2 orders of their usual size.
 * Nothing here should raise an alert.
 */
export function normalDay(seed: number, shoppers: number, dayStart: Date): { shoppers: Shopper[]; events: SecurityEvent[] } {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const events: SecurityEvent[] = [];
  const emit: Emit = (service, at, input) =>
    events.push({ schema: 1, id: uuid(random), service, occurredAt: new Date(at).toISOString(), source: {}, details: {}, ...input } as SecurityEvent);
  const officeIp = '212.58.244.20';
  const day0 = dayStart.getTime();

  const people: Shopper[] = Array.from({ length: shoppers }, (_, i) => {
    const office = i % 20 === 0;
    const country = office ? 'GB' : pick(HOME_COUNTRIES);
    const usualCents = between(15, 400) * 100;
    return { userId: uuid(random), email: `shopper${i}@example.com`, country, homeIp: office ? officeIp : pick(IPS_BY_COUNTRY[country]), usualCents, usualItems: between(1, 4) };
  });

  for (const s of people) {
    const basket = () => ({ totalCents: Math.max(100, Math.round(s.usualCents * (0.7 + 0.6 * random()))), itemCount: Math.max(1, s.usualItems + between(-1, 1)) });
    const order = (at: number, ip: string) => {
      const b = basket();
      emit('order', at, { type: 'order.placed', outcome: 'success', actor: { userId: s.userId }, source: { ip }, details: { orderId: uuid(random), currency: 'USD', lines: b.itemCount, ...b } });
    };
    for (let k = 0, n = between(6, 10); k < n; k++) order(day0 - between(1, 90) * DAY - between(0, 20) * HOUR, s.homeIp);

    let at = day0 + between(6, 20) * HOUR + between(0, 59) * 60_000;
    let lastGapMs = 0;
    for (let visit = 0, visits = between(1, 3); visit < visits; visit++) {
      // Europeans sometimes take a train or short flight to a neighbour between two visits hours apart.
      const travelling = visit > 0 && lastGapMs >= 3 * HOUR && EUROPE.includes(s.country) && random() < 0.15;
      const ip = travelling ? pick(IPS_BY_COUNTRY[pick(EUROPE.filter((c) => c !== s.country))]) : random() < 0.3 ? pick(IPS_BY_COUNTRY[s.country]) : s.homeIp;
      for (let typo = 0, typos = random() < 0.15 ? between(1, 2) : 0; typo < typos; typo++) {
        emit('auth', at, { type: 'auth.login.failed', outcome: 'failure', actor: { email: s.email }, source: { ip }, details: { reason: 'wrong_password' } });
        at += between(10, 60) * 1000;
      }
      emit('auth', at, { type: 'auth.login.succeeded', outcome: 'success', actor: { userId: s.userId, email: s.email }, source: { ip }, details: { mfa: random() < 0.3 } });
      if (random() < 0.2) emit('payment-vault', at + 60_000, { type: 'vault.card.tokenized', outcome: 'success', actor: { userId: s.userId }, source: { ip }, details: { brand: 'visa' } });
      if (random() < 0.05) emit('payment-vault', at + 90_000, { type: 'vault.charge.declined', outcome: 'failure', actor: { userId: s.userId }, details: { declineCode: 'insufficient_funds' } });
      if (random() < 0.5) order(at + 120_000, ip);
      // The next visit: soon (home wifi, then the phone) or hours later.
      lastGapMs = random() < 0.3 ? between(15, 50) * 60_000 : between(3, 6) * HOUR;
      at += lastGapMs;
    }
  }
  events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
  return { shoppers: people, events };
}
