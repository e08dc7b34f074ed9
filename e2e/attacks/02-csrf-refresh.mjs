/**
 * /api/auth/refresh is authorised by the refresh cookie alone, so a page on
 * another site that makes the browser send it must be refused: without the
 * storefront's x-requested-with header (a cross-site form cannot set one),
 * or from a foreign Origin. Both → 403 at the gateway; the cookie is real,
 * and a final legitimate refresh proves it was live all along.
 */
export default {
  id: 'csrf-refresh',
  title: 'CSRF on POST /api/auth/refresh (no x-requested-with; foreign Origin)',
  layer: { number: 3, name: 'Service protection' },
  stoppedMeans: '403 CSRF_REJECTED / ORIGIN_NOT_ALLOWED; the same cookie sent properly gets 200',
  order: 20,
  async run(ctx) {
    const { refreshCookie } = await ctx.customerA();
    if (!refreshCookie) throw new ctx.SetupError('the sign-in set no refresh cookie');
    const attempts = [
      ['no x-requested-with, own Origin', { headers: { cookie: refreshCookie } }],
      ['no x-requested-with, no Origin', { headers: { cookie: refreshCookie }, origin: false }],
      ['x-requested-with, Origin https://evil.example', { headers: { cookie: refreshCookie, 'x-requested-with': 'storefront' }, origin: 'https://evil.example' }],
    ];
    const evidence = [];
    const got = [];
    for (const [name, options] of attempts) {
      const res = await ctx.client.call('POST', '/api/auth/refresh', options);
      evidence.push(`${name} → ${res.status} ${res.body?.error?.code ?? ''}`.trim());
      if (res.status !== 403) got.push(`${name}: ${res.status}${res.body?.accessToken ? ' with a new access token' : ''}`);
    }
    const control = await ctx.client.call('POST', '/api/auth/refresh', { headers: { cookie: refreshCookie, 'x-requested-with': 'storefront' } });
    evidence.push(`control: same cookie from the storefront (header, own Origin) → ${control.status}`);
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
