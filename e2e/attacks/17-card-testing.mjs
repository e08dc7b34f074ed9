import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Card testing: a fraudster with a list of stolen numbers adds them one
 * after another to find which are live. No single request is wrong, so no
 * earlier layer refuses it; the monitor's payments.velocity rule counts new
 * cards per account (5 an hour) and responds by locking the account. The
 * attacker sees it: the account's password no longer signs in (423).
 */
const CARDS = 6;
const LOCK_DEADLINE_MS = 30_000;

/** Luhn-valid Visa test numbers 4000 0000 0000 0xx?, a different card each. */
export function testCardNumber(n) {
  const body = `40000000000${String(100 + n).padStart(4, '0')}`;
  const digits = [...body].map(Number);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits[digits.length - 1 - i];
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export default {
  id: 'card-testing',
  title: 'Card testing: one account adds many different cards in a row',
  layer: { number: 6, name: 'Monitoring' },
  stoppedMeans: 'the payments.velocity rule locks the account: its own password then gets 423 ACCOUNT_LOCKED',
  order: 39,
  async run(ctx) {
    const client = ctx.newClient();
    const fraudster = await ctx.registerAndSignIn(client);
    const statuses = [];
    for (let n = 0; n < CARDS; n++) {
      const res = await client.call('POST', '/api/payments/cards', {
        token: fraudster.token,
        body: { number: testCardNumber(n), expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123', holder: 'Card Tester' },
      });
      statuses.push(`${res.status}${res.body?.error?.code ? ` ${res.body.error.code}` : ''}`);
    }
    const evidence = [`added ${CARDS} different cards: ${statuses.join(', ')}`];
    if (!statuses.some((s) => s.startsWith('201'))) throw new ctx.SetupError('no card was accepted: the store refused for another reason');

    // The monitor works from a queue: poll until the response lands, within a deadline.
    const deadline = Date.now() + LOCK_DEADLINE_MS;
    let login;
    do {
      login = await client.call('POST', '/api/auth/login', { body: { email: fraudster.email, password: fraudster.password } });
      if (login.status === 423) break;
      await sleep(1_000);
    } while (Date.now() < deadline);
    evidence.push(`then the fraudster's own password → ${login.status} ${login.body?.error?.code ?? ''}`.trim());
    const stopped = login.status === 423;
    return { stopped, evidence: evidence.join('\n'), attackerGot: stopped ? '' : `the account still signs in ${LOCK_DEADLINE_MS / 1000} s after ${CARDS} new cards` };
  },
};
