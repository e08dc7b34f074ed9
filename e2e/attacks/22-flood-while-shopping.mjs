import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A flood from one address while a customer shops: the flooder hammers the
 * catalog API as fast as it can; meanwhile a shopper on another address
 * signs up, browses and pays. The gateway counts and limits per address
 * (the catalog tier: slowed past 120/min, 429 past 240, then a block of the
 * address's catalog reads), so the flood is refused and the shopper, on an
 * address with its own budget, is served throughout.
 */
const CONCURRENCY = 24;
const MAX_REQUESTS = 400; // without a 429 by then, the flood got through
const RETRY_AFTER_REFUSAL_MS = 250; // once refused, each worker keeps knocking (until the shopper is done) without spinning
const SHOPPER_STARTS_AFTER = 60; // flood requests answered before the shopper starts, so the purchase happens mid-flood

export default {
  id: 'flood-while-shopping',
  title: 'Flood from one address while a shopper on another keeps buying',
  layer: { number: 1, name: 'Edge shield' },
  stoppedMeans: "the flooding address gets 429 RATE_LIMITED (then its catalog reads are blocked); the shopper's catalog read is 200 and checkout 201 while the flood runs",
  order: 88,
  async run(ctx) {
    const flooder = ctx.newClient();
    const shopperClient = ctx.newClient();
    const statuses = [];
    let sent = 0;
    let shopperDone = false;
    let startShopper;
    const shopperMayStart = new Promise((resolve) => (startShopper = resolve));
    const flood = async () => {
      let refused = false;
      while (refused ? !shopperDone : sent < MAX_REQUESTS) {
        sent++;
        const res = await flooder.call('GET', `/api/products?page=${(sent % 4) + 1}&pageSize=12`);
        statuses.push(res.status);
        if (statuses.length >= SHOPPER_STARTS_AFTER) startShopper();
        if (res.status === 429) {
          refused = true;
          await sleep(RETRY_AFTER_REFUSAL_MS);
        }
      }
      startShopper(); // a flood that ended early must not leave the shopper waiting
    };
    const shop = async () => {
      await shopperMayStart;
      const floodBefore = statuses.length;
      try {
        const shopper = await ctx.registerAndSignIn(shopperClient);
        const browse = await shopperClient.call('GET', '/api/products?pageSize=12');
        await ctx.fillCart(shopper, shopperClient);
        const card = await ctx.tokenizeCard(shopper, undefined, shopperClient);
        const order = await ctx.checkout(shopper, card.body?.cardToken, undefined, shopperClient);
        return { browse, card, order, floodDuring: statuses.length - floodBefore };
      } finally {
        shopperDone = true;
      }
    };
    const [, shopped] = await Promise.all([Promise.all(Array.from({ length: CONCURRENCY }, flood)), shop()]);

    const count = (status) => statuses.filter((s) => s === status).length;
    const first429 = statuses.indexOf(429);
    const evidence = [
      `flood from ${flooder.localAddress ?? 'the main address'}: ${statuses.length} catalog requests at concurrency ${CONCURRENCY}: ${count(200)} × 200, ${count(429)} × 429${first429 >= 0 ? `, first 429 at #${first429 + 1}` : ''}`,
      `shopper on ${shopperClient.localAddress ?? 'the main address'}, while ${shopped.floodDuring} flood requests were answered: catalog → ${shopped.browse.status}, card → ${shopped.card.status}, checkout → ${shopped.order.status} ${shopped.order.body?.error?.code ?? shopped.order.body?.id ?? ''}`,
    ];
    const got = [];
    if (first429 < 0) got.push(`${statuses.length} flood requests, none refused`);
    if (shopped.browse.status !== 200) got.push(`the shopper's catalog read: ${shopped.browse.status} (the flood's limit hit a bystander)`);
    if (shopped.order.status !== 201) got.push(`the shopper's checkout: ${shopped.order.status} (the flood denied service to a bystander)`);
    if (shopped.floodDuring === 0) got.push('the purchase did not overlap the flood: nothing shown');
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
