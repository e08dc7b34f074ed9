/**
 * What sqlmap does against a parameter, replayed by hand (sqlmap itself is
 * not needed): its heuristic quote probe, boolean-based true/false pairs,
 * time-based, UNION and error-based payloads, on the search box and on the
 * sign-in email; then its default user agent. "Nothing injectable" means
 * every probe is refused at the edge, or, where one passes, the true and
 * false variants answer alike and no answer is delayed by the SLEEP.
 */
const SLEEP_S = 5;
const SEARCH_PROBES = [
  ['heuristic quote', `mug'"(),.`],
  ['boolean true', 'mug AND 1=1'],
  ['boolean false', 'mug AND 1=2'],
  ['boolean true, quoted', "mug' AND '8421'='8421"],
  ['boolean false, quoted', "mug' AND '8421'='8422"],
  ['time-based (PostgreSQL)', `mug';SELECT PG_SLEEP(${SLEEP_S})--`],
  ['time-based (MySQL)', `mug' AND SLEEP(${SLEEP_S})-- -`],
  ['UNION, 3 columns', "mug' UNION ALL SELECT NULL,NULL,NULL-- -"],
  ['error-based (PostgreSQL cast)', "mug' AND 7781=CAST((CHR(113)||CHR(106))||(SELECT version()) AS NUMERIC)-- -"],
  ['stacked query', "mug'; DROP TABLE products;--"],
];
const LOGIN_PROBES = [
  ['boolean true in the email', "a@example.test' OR '1'='1"],
  ['comment out the password check', "admin@storefront.test'--"],
  ['time-based in the email', `a@example.test' AND pg_sleep(${SLEEP_S}) IS NULL--`],
];
const SQLMAP_UA = 'sqlmap/1.7.2#stable (https://sqlmap.org)';

export default {
  id: 'sqlmap-probes',
  title: 'sqlmap-style probing of the search box and the sign-in email (boolean, time, UNION, error-based; sqlmap user agent)',
  layer: { number: 1, name: 'Edge shield' },
  stoppedMeans: 'every probe 403 at the edge (or indistinguishable true/false answers and no SLEEP delay); the sqlmap user agent 403 SOURCE_BLOCKED',
  order: 32,
  async run(ctx) {
    const client = ctx.newClient();
    const evidence = [];
    const got = [];
    const search = {};
    for (const [name, value] of SEARCH_PROBES) {
      const res = await client.call('GET', `/api/products?q=${encodeURIComponent(value)}`);
      search[name] = res;
      evidence.push(`search, ${name} → ${res.status} ${res.body?.error?.code ?? ''} (${res.ms} ms)`.trim());
      if (res.status === 500) got.push(`search, ${name}: a 500 (a database error is an injection oracle)`);
      if (res.ms >= SLEEP_S * 1000) got.push(`search, ${name}: answered after ${res.ms} ms (the SLEEP ran)`);
    }
    for (const [truthy, falsy] of [['boolean true', 'boolean false'], ['boolean true, quoted', 'boolean false, quoted']]) {
      const [t, f] = [search[truthy], search[falsy]];
      if (t.status === 200 && f.status === 200 && t.text !== f.text) got.push(`search: "${truthy}" and "${falsy}" answer differently (a boolean oracle)`);
    }
    for (const [name, email] of LOGIN_PROBES) {
      const res = await client.call('POST', '/api/auth/login', { body: { email, password: 'whatever-password' } });
      evidence.push(`sign-in, ${name} → ${res.status} ${res.body?.error?.code ?? ''} (${res.ms} ms)`.trim());
      if (res.status === 200 || res.status === 500) got.push(`sign-in, ${name}: ${res.status}`);
      if (res.ms >= SLEEP_S * 1000) got.push(`sign-in, ${name}: answered after ${res.ms} ms (the SLEEP ran)`);
    }
    const tool = await client.call('GET', '/api/products?q=mug', { headers: { 'user-agent': SQLMAP_UA } });
    evidence.push(`sqlmap's own user agent → ${tool.status} ${tool.body?.error?.code ?? ''}`.trim());
    if (!(tool.status === 403 && tool.body?.error?.code === 'SOURCE_BLOCKED')) got.push(`sqlmap user agent: ${tool.status}`);
    const refusedAtEdge = Object.values(search).filter((r) => r.status === 403).length;
    evidence.push(`${refusedAtEdge} of ${SEARCH_PROBES.length} search probes refused at the edge; ${got.length === 0 ? 'nothing injectable found' : `${got.length} finding(s)`}`);
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
