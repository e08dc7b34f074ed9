/**
 * A scraper pulling the catalog as fast as it can from one address. The
 * gateway's catalog tier slows each request past the soft threshold
 * (120/min locally) and answers 429 RATE_LIMITED past the hard one
 * (240/min), then blocks the address's catalog reads for 10 minutes; so
 * this runs after every scenario that needs the catalog.
 */
// Windows are fixed 60 s and may have started before this scenario (earlier ones read the catalog from the same
// address): a run can straddle two or three windows. Stopping at the first 429, it can afford enough requests that
// one window must pass the hard limit of 240 whatever the split (3 × 240 + 30).
const MAX_REQUESTS = 750;
const CONCURRENCY = 12; // modest, but enough to pass the hard limit within one fixed window despite the slowdown

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

export default {
  id: 'catalog-scraping',
  title: 'Catalog scraping: rapid GET /api/products from one address',
  layer: { number: 1, name: 'Edge shield' },
  stoppedMeans: "slowed past 120/min, then 429 RATE_LIMITED and a 10-minute block of the address's catalog reads",
  order: 90,
  async run(ctx) {
    const results = [];
    let next = 0;
    let blockedAt;
    const worker = async () => {
      while (blockedAt === undefined && next < MAX_REQUESTS) {
        const n = ++next;
        const res = await ctx.client.call('GET', `/api/products?page=${(n % 4) + 1}&pageSize=12`);
        results.push({ n, status: res.status, ms: res.ms, code: res.body?.error?.code, retryAfter: res.headers['retry-after'] });
        if (res.status === 429 && blockedAt === undefined) blockedAt = n;
        if (n % 50 === 0) ctx.log(`${n} requests sent`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    results.sort((a, b) => a.n - b.n);
    const ok = results.filter((r) => r.status === 200);
    const first429 = results.find((r) => r.status === 429);
    const early = median(ok.filter((r) => r.n <= 100).map((r) => r.ms));
    const late = median(ok.filter((r) => r.n > 150).map((r) => r.ms));
    const evidence = [
      `${results.length} requests at concurrency ${CONCURRENCY}: ${ok.length} × 200, ${results.filter((r) => r.status === 429).length} × 429`,
      `median latency of 200s: requests 1–100 ${early} ms, requests 151+ ${late} ms (slowed: ${late > early + 200}; windows are fixed 60 s, so a reset mid-run mixes fast and slow)`,
      first429 ? `first 429 at request #${first429.n}: ${first429.code}, Retry-After ${first429.retryAfter} s` : `no 429 within ${MAX_REQUESTS} requests`,
    ];
    return {
      stopped: first429 !== undefined,
      evidence: evidence.join('\n'),
      attackerGot: first429 ? `${ok.length} pages before the block` : `${ok.length} catalog pages, never blocked`,
    };
  },
};
