import { randomUUID } from 'node:crypto';

/**
 * A replayed checkout (a double click, a retrying proxy, or an attacker
 * resending a captured request) must not charge twice: the same
 * Idempotency-Key returns the first order, marked Idempotent-Replayed, and
 * the customer's order list grows by exactly one.
 */
export default {
  id: 'idempotency-replay',
  title: 'Idempotency replay: the same checkout twice with one Idempotency-Key',
  layer: { number: 3, name: 'Service protection' },
  stoppedMeans: 'same order id, Idempotent-Replayed: true, order count +1',
  order: 60,
  async run(ctx) {
    const a = await ctx.customerA();
    const before = await ctx.client.call('GET', '/api/orders', { token: a.token });
    if (before.status !== 200) throw new ctx.SetupError(`could not list orders: ${before.status}`);
    await ctx.fillCart(a);
    const card = await ctx.tokenizeCard(a);
    if (card.status !== 201) throw new ctx.SetupError(`could not tokenize: ${card.status}`);
    const key = `attack-${randomUUID()}`;
    const first = await ctx.checkout(a, card.body.cardToken, key);
    const second = await ctx.checkout(a, card.body.cardToken, key);
    const after = await ctx.client.call('GET', '/api/orders', { token: a.token });
    const added = (after.body?.items?.length ?? 0) - before.body.items.length;
    const evidence = [
      `first POST /api/orders → ${first.status} order ${first.body?.id}`,
      `replay, same key → ${second.status} order ${second.body?.id}, Idempotent-Replayed: ${second.headers['idempotent-replayed'] ?? 'absent'}`,
      `orders before ${before.body.items.length}, after ${after.body?.items?.length} (+${added})`,
    ];
    if (first.status !== 201) throw new ctx.SetupError(`the first checkout failed: ${first.status} ${first.text.slice(0, 200)}`);
    const stopped = second.status === 201 && second.body?.id === first.body.id && added === 1;
    return { stopped, evidence: evidence.join('\n'), attackerGot: stopped ? '' : `${added} orders from one checkout (second answer ${second.status} ${second.body?.id ?? ''})` };
  },
};
