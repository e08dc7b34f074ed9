/**
 * A refresh token stolen from a cookie jar and used after its owner has
 * already used it. Refresh tokens rotate on every use, so the second use of
 * one is proof that two parties hold it: auth answers 401
 * REFRESH_TOKEN_REUSED and revokes the whole session family, so the
 * owner's newer refresh token and its access token stop working too.
 */
const FROM_STOREFRONT = { 'x-requested-with': 'storefront' };

export default {
  id: 'refresh-token-reuse',
  title: 'Refresh-token reuse: a stolen, already-rotated refresh cookie is replayed',
  layer: { number: 5, name: 'Identity' },
  stoppedMeans: '401 REFRESH_TOKEN_REUSED for the replay, then the whole session family is revoked: the newer cookie and its access token get 401',
  order: 34,
  async run(ctx) {
    const client = ctx.newClient();
    const victim = await ctx.registerAndSignIn(client);
    if (!victim.refreshCookie) throw new ctx.SetupError('the sign-in set no refresh cookie');
    const evidence = [];
    const rotated = await client.call('POST', '/api/auth/refresh', { headers: { cookie: victim.refreshCookie, ...FROM_STOREFRONT } });
    const newerCookie = ctx.refreshCookieOf(rotated.headers['set-cookie']);
    evidence.push(`the owner refreshes → ${rotated.status}, a new cookie: ${Boolean(newerCookie)}`);
    if (rotated.status !== 200 || !newerCookie || !rotated.body?.accessToken) throw new ctx.SetupError(`the owner's own refresh failed: ${rotated.status}`);

    const replay = await client.call('POST', '/api/auth/refresh', { headers: { cookie: victim.refreshCookie, ...FROM_STOREFRONT } });
    evidence.push(`the thief replays the old cookie → ${replay.status} ${replay.body?.error?.code ?? ''}`.trim());
    const newer = await client.call('POST', '/api/auth/refresh', { headers: { cookie: newerCookie, ...FROM_STOREFRONT } });
    evidence.push(`the owner's newer cookie afterwards → ${newer.status} ${newer.body?.error?.code ?? ''}`.trim());
    const access = await client.call('GET', '/api/me', { token: rotated.body.accessToken });
    evidence.push(`the newer access token on /api/me → ${access.status} ${access.body?.error?.code ?? ''}`.trim());

    const got = [];
    if (replay.status !== 401 || replay.body?.error?.code !== 'REFRESH_TOKEN_REUSED') got.push(`replay: ${replay.status}${replay.body?.accessToken ? ' with a fresh access token' : ''}`);
    if (newer.status !== 401) got.push(`the family lives on: newer cookie ${newer.status}`);
    if (access.status !== 401) got.push(`the newer access token still works: ${access.status}`);
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
