import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readDatabaseRegistry } from '../../tools/stack/src/databases';
import { type LuhnHit, scanDump, spellingsOf } from '../support/luhn-scanner';
import { checkout, inStockProduct, newShopper, tokenize } from '../support/shopper';
import { type Dumped, logFiles, pgDump, redisDump } from '../support/stack-dumps';
import { StorefrontClient } from '../support/storefront-client';

/**
 * Issue 5, point 6: after real orders with several cards, nothing a thief
 * could copy off the store (every database, every Redis key and queue
 * payload, every log) holds a card number: neither the numbers used, in any
 * spelling, nor any Luhn-valid 13–19 digit run at all.
 */

// Its own loopback address: five new cards from one address stay under the monitor's card-testing limit (10 an hour).
const api = new StorefrontClient(inject('baseUrl'), inject('tlsDir'), '127.0.0.61');
afterAll(() => api.close());

const ROOT = path.resolve(__dirname, '../..');
const databaseUrls = inject('databaseUrls');
const redisUrl = inject('redisUrl');
const logDir = inject('logDir');
const ownStack = Object.keys(databaseUrls).length > 0 && redisUrl !== '' && logDir !== '';
const startedAt = Date.now();

/** Distinct test numbers of four brands and three lengths; the last one declines (its charge is stored too). */
const CARDS = [
  { number: '4242 4242 4242 4242', approves: true },
  { number: '5555-5555-5555-4444', approves: true },
  { number: '378282246310005', approves: true },
  { number: '6011111111111117', approves: true },
  { number: '4000000000000002', approves: false },
];

async function buyWith(card: (typeof CARDS)[number], skip: number): Promise<string> {
  const shopper = await newShopper(api);
  const product = await inStockProduct(api, 2, skip);
  expect((await api.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 1 } })).status).toBe(200);
  const tokenized = await tokenize(api, shopper.token, card.number);
  expect(tokenized.status, tokenized.text).toBe(201);
  const order = await checkout(api, shopper.token, tokenized.body.cardToken);
  expect(order.status, order.text).toBe(card.approves ? 201 : 402);
  return tokenized.body.cardToken;
}

const summary = (hits: LuhnHit[]) => hits.map((h) => `${h.kind} ${h.digits} in ${h.source}: …${h.context.replace(/\s+/g, ' ')}…`);

describe.skipIf(!ownStack)('no card number anywhere a thief could copy from', () => {
  it('after orders with five cards, no dump of any database, Redis key or log holds a used number or any unexplained Luhn-valid run', async () => {
    const cardTokens: string[] = [];
    for (const [i, card] of CARDS.entries()) cardTokens.push(await buyWith(card, i));

    // Every database the stack runs, no fewer: a service added later without a dump here fails this line.
    const registry = readDatabaseRegistry(ROOT).map((d) => d.service);
    expect(Object.keys(databaseUrls).sort()).toEqual([...registry].sort());
    const dumps: Dumped[] = [
      ...(await Promise.all(Object.entries(databaseUrls).map(([service, url]) => pgDump(service, url)))),
      ...(await redisDump(redisUrl)),
      ...logFiles(logDir),
    ];

    // The dumps hold the evidence of the purchases (so an empty or wrong dump cannot pass).
    const vault = dumps.find((d) => d.source === 'pg_dump payment-vault')?.text ?? '';
    for (const token of cardTokens) expect(vault).toContain(token);
    expect(vault).toMatch(/COPY public\.cards /);
    expect(dumps.filter((d) => d.source.startsWith('redis ')).length).toBeGreaterThan(0);
    // The vault's own Redis keys (its rewrap queue, under VAULT_REDIS_PREFIX `vault`; the e2e stack shares one Redis) are in the dump too.
    expect(dumps.filter((d) => d.source.startsWith('redis vault:card-key-rewrap:')).length).toBeGreaterThan(0);
    expect(dumps.filter((d) => d.source.startsWith('log ')).length).toBeGreaterThanOrEqual(7);

    const spellings = CARDS.flatMap((card) => spellingsOf(card.number.replace(/[ -]/g, '')));
    const found = dumps.flatMap((d) => spellings.filter((s) => d.text.includes(s)).map((s) => `${s} in ${d.source}`));
    expect(found).toEqual([]);

    // Four kinds of Luhn-valid run are explained, counted and shown, never dropped unseen (luhn-scanner.ts):
    // - epoch milliseconds inside this run's window (pino "time", Redis stream and BullMQ ids): 13 digits starting 17 or 18,
    //   while the only 13-digit card numbers are Visa's (prefix 4);
    // - YYYYMMDDhhmmss date-times (Prisma migration names in _prisma_migrations);
    // - bare digits inside a hex token of 32+ characters with letters (SHA-256 digests, bytea ciphertext in hex): random
    //   bytes. A card stored as bytes is caught by the decoded-bytea scan and the hex spelling above instead;
    // - the last two groups of a UUID when both happen to be all digits ("…-8123-456789012345"), which the dash grouping joins.
    const hits = dumps.flatMap((d) => scanDump(d.text, d.source, { timeWindow: { from: startedAt - 24 * 3_600_000, to: Date.now() + 400 * 86_400_000 } }));
    const explained = hits.filter((h) => h.kind !== 'card-like');
    if (explained.length) console.info(`Luhn-valid runs explained, not card numbers (${explained.length}):\n${summary(explained).join('\n')}`);
    expect(summary(hits.filter((h) => h.kind === 'card-like'))).toEqual([]);
  });
});
