import { randomUUID } from 'node:crypto';

/**
 * Impossible travel, seen from outside. The monitor's auth.impossible_travel
 * rule locates each sign-in by the client address the gateway reports.
 * An attacker cannot sign in from London and Sydney a minute apart from one
 * machine, so the honest attack here is the forgery: claim an address with
 * X-Forwarded-For, to fake a location (or hide a real one). The gateway
 * believes that header only from TRUSTED_PROXIES, so the sessions record the
 * real source address and the forged ones never reach the monitor.
 * What this cannot show: the rule firing on two real, distant networks;
 * apps/monitor/src/rules/rules.int-spec.ts feeds it such sign-ins.
 */
const FORGED = [
  ['London', '81.2.69.142'],
  ['Sydney', '1.128.0.1'],
];

export default {
  id: 'forged-location',
  title: 'Impossible travel via a forged X-Forwarded-For (London, then Sydney a moment later)',
  layer: { number: 3, name: 'Service protection' },
  stoppedMeans: 'the account’s sessions record the real source address, never the forged ones (X-Forwarded-For is believed only from trusted proxies)',
  order: 36,
  async run(ctx) {
    const client = ctx.newClient();
    const email = `attack-travel-${randomUUID()}@example.test`;
    const password = `pw-${randomUUID()}`;
    const registered = await client.call('POST', '/api/auth/register', { body: { email, password, name: 'Traveller' } });
    if (registered.status !== 201) throw new ctx.SetupError(`register: ${registered.status}`);
    const evidence = [];
    let token;
    for (const [city, ip] of FORGED) {
      const res = await client.call('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });
      evidence.push(`sign in claiming ${city} (X-Forwarded-For: ${ip}) → ${res.status}`);
      if (res.status !== 200) throw new ctx.SetupError(`sign-in from "${city}": ${res.status}`);
      token = res.body.accessToken;
    }
    const sessions = await client.call('GET', '/api/auth/sessions', { token });
    if (sessions.status !== 200 || !Array.isArray(sessions.body)) throw new ctx.SetupError(`listing sessions: ${sessions.status}`);
    const recorded = sessions.body.map((s) => s.ip ?? '(none)');
    evidence.push(`the account's sessions record: ${recorded.join(', ')}${client.localAddress ? ` (this attacker is ${client.localAddress})` : ''}`);
    const believed = recorded.filter((ip) => FORGED.some(([, forged]) => ip.includes(forged)));
    const realRecorded = !client.localAddress || recorded.every((ip) => ip.endsWith(client.localAddress));
    return {
      stopped: believed.length === 0 && realRecorded,
      evidence: evidence.join('\n'),
      attackerGot: believed.length ? `forged address(es) recorded: ${believed.join(', ')}` : realRecorded ? '' : 'sessions record an address that is neither the real nor the forged one',
    };
  },
};
