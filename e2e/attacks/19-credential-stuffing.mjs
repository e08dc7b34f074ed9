import { randomUUID } from 'node:crypto';

/**
 * Credential stuffing: one source tries a leaked password against many
 * accounts, some real, most not. Auth slows a source once it has failed
 * against 20 different emails (1 s, then doubling), the gateway's sign-in
 * tier answers 429 past 10 a minute where it is not lifted (the e2e stack
 * lifts it), and the monitor's auth.credential_stuffing rule raises a
 * critical alert at 10 different accounts. The rule's response, blocking
 * the source at the edge, is refused for loopback and private addresses by
 * design, so from one machine the evidence is the throttling plus the alert
 * a security analyst sees, not a block.
 */
const LEAKED_PASSWORD = 'Summer-2024-leaked!';
const AUTH_THRESHOLD = 20; // distinct emails a source may fail on before auth slows it
const ATTEMPTS = AUTH_THRESHOLD + 2; // the slowdown shows without waiting long
const SLOWED_MS = 1_000; // auth's first stuffing delay

const label = (a) => `${a.status}${a.code ? ` ${a.code}` : ''}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export default {
  id: 'credential-stuffing',
  title: 'Credential stuffing: one source tries a leaked password on many accounts',
  layer: { number: 6, name: 'Monitoring' },
  stoppedMeans:
    'no account signs in; the source is throttled (auth delays ≥ 1 s past 20 emails, or 429 from the sign-in tier) and a security analyst sees an auth.credential_stuffing alert naming the address (the edge block is refused for loopback/private addresses, so no block is expected)',
  order: 41,
  async run(ctx) {
    const attacker = ctx.newClient();
    const known = [(await ctx.customerA()).email, (await ctx.customerB()).email];
    const emails = [...known, ...Array.from({ length: ATTEMPTS - known.length }, (_, i) => `stuffed-${i}-${randomUUID()}@example.test`)];
    const attempts = [];
    for (const email of emails) {
      const res = await attacker.call('POST', '/api/auth/login', { body: { email, password: LEAKED_PASSWORD } });
      attempts.push({ status: res.status, code: res.body?.error?.code, ms: res.ms });
      if (res.status === 429) break;
    }
    const signedIn = attempts.filter((a) => a.status === 200).length;
    const limited = attempts.find((a) => a.status === 429);
    // Slowed: past the threshold and at least the first delay above the usual answer (argon2 is slow on a busy machine too).
    const usualMs = median(attempts.slice(0, AUTH_THRESHOLD).map((a) => a.ms));
    const slowed = attempts.slice(AUTH_THRESHOLD).filter((a) => a.status !== 429 && a.ms >= usualMs + SLOWED_MS * 0.9);
    const tally = new Map();
    for (const a of attempts) tally.set(label(a), (tally.get(label(a)) ?? 0) + 1);
    const evidence = [
      `${attempts.length} sign-ins with one leaked password, each on another account (${known.length} real), from ${attacker.localAddress ?? 'the main address'}: ${[...tally].map(([k, n]) => `${n} × ${k}`).join(', ')}`,
      limited
        ? `sign-in tier: 429 ${limited.code} at attempt ${attempts.indexOf(limited) + 1}`
        : `auth slowed ${slowed.length} attempt(s) to ≥ ${SLOWED_MS} ms: ${slowed.map((a) => `#${attempts.indexOf(a) + 1} ${a.ms} ms`).join(', ') || 'none'} (the first ${AUTH_THRESHOLD}: median ${usualMs} ms)`,
    ];

    const analystClient = ctx.newClient();
    const analyst = await ctx.signInAsStaff('security-analyst', analystClient);
    const address = attacker.localAddress;
    const namesSource = (s) => address === undefined || s === `ip:${address}` || s === `ip:::ffff:${address}`;
    const alert = await ctx.waitForAlert(analystClient, analyst, (a) => a.rule === 'auth.credential_stuffing' && a.subjects.some(namesSource));
    evidence.push(alert ? `security analyst: ${ctx.describeAlert(alert)}` : 'security analyst: no auth.credential_stuffing alert for the address within 30 s');

    const got = [];
    if (signedIn) got.push(`${signedIn} account(s) signed in with the leaked password`);
    if (!limited && slowed.length === 0) got.push(`${attempts.length} sign-ins against different accounts, none slowed or limited`);
    if (!alert) got.push('no alert for the security analyst');
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
