import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Password guessing against one account. Two layers can stop it: the
 * account lock in auth (layer 5: 423 ACCOUNT_LOCKED after 10 failures, even
 * for the right password) and the gateway's sign-in tier (layer 1: 10
 * sign-in calls per minute per address, then 429 for 15 minutes). Earlier
 * scenarios have spent part of that budget, so from one address the gateway
 * usually answers first; either counts, and the evidence says which. It
 * runs last because afterwards this address cannot sign in for 15 minutes.
 */
const MAX_GUESSES = 12;

export default {
  id: 'brute-force-login',
  title: 'Brute-force sign-in on one account',
  layer: { number: 5, name: 'Identity' },
  stoppedMeans: '423 ACCOUNT_LOCKED (account lock, layer 5) or 429 RATE_LIMITED (sign-in tier, layer 1); the right password no longer signs in',
  order: 99,
  async run(ctx) {
    const email = `attack-target-${randomUUID()}@example.test`;
    const password = `pw-${randomUUID()}`;
    const evidence = [];
    let registered = await ctx.client.call('POST', '/api/auth/register', { body: { email, password, name: 'Target' } });
    // Right after the scraper the per-address tier of the minute may be spent: wait it out (a 15-minute sign-in block is not waited for).
    const wait = Number(registered.headers['retry-after']);
    if (registered.status === 429 && wait > 0 && wait <= 65) {
      ctx.log(`the gateway asks to wait ${wait} s before registering the target; waiting`);
      await sleep(wait * 1000 + 500);
      registered = await ctx.client.call('POST', '/api/auth/register', { body: { email, password, name: 'Target' } });
    }
    evidence.push(`register the target → ${registered.status}${registered.body?.error?.code ? ` ${registered.body.error.code}` : ''}`);
    // A register refused by the sign-in tier still leaves an attacker guessing; go on against the address's block.
    const statuses = [];
    let stoppedBy;
    let stoppingLayer;
    for (let guess = 1; guess <= MAX_GUESSES && !stoppedBy; guess++) {
      const res = await ctx.client.call('POST', '/api/auth/login', { body: { email, password: `guess-${guess}-${randomUUID()}` } });
      statuses.push(`${res.status}${res.body?.error?.code ? ` ${res.body.error.code}` : ''} (${res.ms} ms)`);
      if (res.status === 423) {
        stoppedBy = `account lock (layer 5): 423 ${res.body?.error?.code} after ${guess - 1} failures`;
        stoppingLayer = { number: 5, name: 'Identity' };
      }
      if (res.status === 429) {
        stoppedBy = `gateway sign-in tier (layer 1): 429 ${res.body?.error?.code} at guess ${guess}, Retry-After ${res.headers['retry-after']} s`;
        stoppingLayer = { number: 1, name: 'Edge shield' };
      }
      if (res.status === 200) statuses.push('a wrong password signed in!');
    }
    evidence.push(`guesses: ${statuses.join(', ')}`);
    const right = await ctx.client.call('POST', '/api/auth/login', { body: { email, password } });
    evidence.push(`then the right password → ${right.status}${right.body?.error?.code ? ` ${right.body.error.code}` : ''}`);
    evidence.push(stoppedBy ? `stopped by the ${stoppedBy}` : `neither 423 nor 429 within ${MAX_GUESSES} guesses`);
    const stopped = stoppedBy !== undefined && right.status !== 200 && !statuses.some((s) => s.startsWith('200'));
    return {
      stopped,
      stoppedBy: stoppingLayer,
      evidence: evidence.join('\n'),
      attackerGot: stopped ? '' : right.status === 200 ? 'still able to sign in after the guesses (no lock)' : `${statuses.length} unthrottled guesses`,
    };
  },
};
