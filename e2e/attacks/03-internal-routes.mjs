/**
 * The services' /internal routes (stock reservations) must not be reachable
 * from outside: the gateway proxies an allow-list only, and refuses paths
 * that use dot segments or encoded slashes to climb out of an allowed prefix.
 */
const PROBES = [
  ['GET', '/api/internal/reservations'],
  ['POST', '/api/internal/reservations'],
  ['GET', '/API/internal/reservations'],
  ['POST', '/API/internal/reservations'],
  ['GET', '/api//internal/reservations'],
  ['GET', '/api/products/../internal/reservations'],
  ['GET', '/api/products/..%2f..%2finternal/reservations'],
  ['GET', '/api/products/..%2F..%2Finternal'],
  ['GET', '/api/products/%2e%2e/%2e%2e/internal/reservations'],
  ['GET', '/api/products/..%252f..%252finternal/reservations'],
  ['GET', '/api/products/..%5c..%5cinternal/reservations'],
  ['POST', '/api/products/%2e%2e/internal/reservations'],
];

export default {
  id: 'internal-routes',
  title: 'Reaching internal routes (/api/internal/*, dot segments, encoded slashes)',
  layer: { number: 1, name: 'Edge shield' },
  stoppedMeans: "404, 400 or 403 REQUEST_BLOCKED for every probe (or the storefront's own page, never a forwarded call)",
  order: 30,
  async run(ctx) {
    const evidence = [];
    const got = [];
    const body = { orderId: '00000000-0000-4000-8000-000000000000', items: [] };
    // Paths the gateway does not route as /api (e.g. /API/...) get the storefront's own page for GET, like any
    // unknown browser URL: that is the web app's fallback, not a forwarded call, so it counts as refused.
    const storefrontPage = (await ctx.client.call('GET', '/')).text;
    for (const [method, path] of PROBES) {
      const res = await ctx.client.call(method, path, method === 'POST' ? { body } : {});
      const isStorefrontPage = res.status === 200 && String(res.headers['content-type']).startsWith('text/html') && res.text === storefrontPage;
      evidence.push(`${method} ${path} → ${res.status} ${isStorefrontPage ? '(the storefront page, not forwarded)' : (res.body?.error?.code ?? '')}`.trim());
      // 403 REQUEST_BLOCKED: the edge shield (layer 1) recognised the path trick before routing.
      const shieldBlocked = res.status === 403 && res.body?.error?.code === 'REQUEST_BLOCKED';
      if (res.status !== 404 && res.status !== 400 && !shieldBlocked && !isStorefrontPage) got.push(`${method} ${path}: ${res.status} ${res.text.slice(0, 200)}`);
    }
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
