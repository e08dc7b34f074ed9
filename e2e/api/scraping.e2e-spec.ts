import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkout, inStockProduct, newShopper, tokenize } from '../support/shopper';
import { StorefrontClient } from '../support/storefront-client';

// The scraper is another address on loopback: per-address limits must tell it apart from the shopper on 127.0.0.1.
const SCRAPER_ADDRESS = '127.0.0.23';
const CONCURRENCY = 40;
const MAX_REQUESTS = 2_000;

const shopperApi = new StorefrontClient(inject('baseUrl'), inject('tlsDir'));
const scraperApi = new StorefrontClient(inject('baseUrl'), inject('tlsDir'), SCRAPER_ADDRESS);
afterAll(async () => {
  await shopperApi.close();
  await scraperApi.close();
});

interface ScrapeResult {
  sent: number;
  slowest200Ms: number;
  fastest200Ms: number;
  firstRefusal?: { status: number; retryAfter: number; code: string };
}

/** Pages through the catalog with many parallel requests until the edge refuses, as a scraper would. */
async function scrape(): Promise<ScrapeResult> {
  const result: ScrapeResult = { sent: 0, slowest200Ms: 0, fastest200Ms: Number.POSITIVE_INFINITY };
  const worker = async () => {
    while (!result.firstRefusal && result.sent < MAX_REQUESTS) {
      const page = (result.sent++ % 3) + 1;
      const startedAt = performance.now();
      const res = await scraperApi.call<{ error?: { code: string } }>('GET', `/api/products?page=${page}`);
      const ms = performance.now() - startedAt;
      if (res.status === 200) {
        result.slowest200Ms = Math.max(result.slowest200Ms, ms);
        result.fastest200Ms = Math.min(result.fastest200Ms, ms);
      } else if (!result.firstRefusal) {
        result.firstRefusal = { status: res.status, retryAfter: Number(res.headers['retry-after']), code: res.body.error?.code ?? '' };
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return result;
}

describe('a scraper flooding the catalog from one address', () => {
  it('is slowed, then refused and blocked, while a shopper on another address keeps buying', async () => {
    const shopper = await newShopper(shopperApi);
    const product = await inStockProduct(shopperApi, 2);

    const [scraped, order] = await Promise.all([
      scrape(),
      (async () => {
        expect((await shopperApi.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 1 } })).status).toBe(200);
        const card = await tokenize(shopperApi, shopper.token);
        return checkout(shopperApi, shopper.token, card.body.cardToken);
      })(),
    ]);

    // Slowed: past the soft threshold responses were held back by the edge (the delay step is 100 ms, capped at 2 s).
    expect(scraped.slowest200Ms).toBeGreaterThan(scraped.fastest200Ms + 500);
    // Then refused with the contract's error and told how long the block lasts.
    expect(scraped.firstRefusal).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(scraped.firstRefusal?.retryAfter).toBeGreaterThan(60);
    expect(scraped.sent).toBeLessThan(MAX_REQUESTS);
    // Blocked: even a single polite request from that address is refused now.
    expect((await scraperApi.call('GET', `/api/products/${product.id}`)).status).toBe(429);

    // The shopper was never limited by the flood.
    expect(order.status, order.text).toBe(201);
    expect((await shopperApi.call('GET', `/api/products/${product.id}`)).status).toBe(200);
  });
});
