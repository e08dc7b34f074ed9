import { randomUUID } from 'node:crypto';

/**
 * A race for the last item: a catalog manager (password + TOTP) puts a
 * product on sale with stock 1, then several shoppers, each with the item
 * in the cart and a card ready, check out at the same instant. The
 * reservation is atomic in the catalog and comes before the charge, so
 * exactly one checkout is 201 and the others 409 OUT_OF_STOCK with nothing
 * charged: each loser has no order, the winner one, and the stock ends at
 * 0, never below. The product is the scenario's own, so the seeded
 * "Last One Lamp" of e2e/api/order-flow stays untouched.
 */
const SHOPPERS = 5; // register + sign-in is 2 sign-in calls each: 5 fit the sign-in tier (10/min) of one address

const line = (res) => `${res.status}${res.body?.error?.code ? ` ${res.body.error.code}` : ''}`;

export default {
  id: 'last-item-race',
  title: `Race for the last item: ${SHOPPERS} shoppers check out the one remaining unit at once`,
  layer: { number: 3, name: 'Service protection' },
  stoppedMeans: 'exactly one 201; every other checkout 409 OUT_OF_STOCK with no order and no charge; stock ends at 0, never negative',
  order: 43,
  async run(ctx) {
    const staffClient = ctx.newClient();
    const manager = await ctx.signInAsStaff('catalog-manager', staffClient);
    const created = await staffClient.call('POST', '/api/products', {
      token: manager.token,
      body: { name: `Attack lab last item ${randomUUID().slice(0, 8)}`, description: 'One unit, raced for by the attack scenarios.', category: 'Attack lab', priceCents: 1500, stock: 1 },
    });
    if (created.status !== 201) throw new ctx.SetupError(`the catalog manager could not create a product with stock 1: ${line(created)}`);
    const product = created.body;

    const shoppersClient = ctx.newClient();
    const shoppers = [];
    for (let i = 0; i < SHOPPERS; i++) shoppers.push(await ctx.registerAndSignIn(shoppersClient));
    const cards = [];
    for (const shopper of shoppers) {
      const added = await shoppersClient.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 1 } });
      if (added.status !== 200 && added.status !== 201) throw new ctx.SetupError(`a shopper could not put the last item in the cart: ${line(added)}`);
      const card = await ctx.tokenizeCard(shopper, undefined, shoppersClient);
      if (card.status !== 201) throw new ctx.SetupError(`could not tokenize the test card: ${line(card)}`);
      cards.push(card.body.cardToken);
    }

    const results = await Promise.all(shoppers.map((s, i) => ctx.checkout(s, cards[i], undefined, shoppersClient)));
    const winners = results.filter((r) => r.status === 201);
    const losers = results.filter((r) => r.status !== 201);
    const orders = await Promise.all(shoppers.map((s) => shoppersClient.call('GET', '/api/orders', { token: s.token })));
    const orderCounts = orders.map((o) => o.body?.items?.length ?? NaN);
    const after = await shoppersClient.call('GET', `/api/products/${product.id}`);
    const evidence = [
      `catalog manager created ${product.id} with stock ${product.stock}`,
      `${SHOPPERS} simultaneous checkouts → ${results.map(line).join(', ')}`,
      `orders per shopper afterwards: ${orderCounts.join(', ')}`,
      `stock afterwards: ${after.body?.stock} (${line(after)})`,
    ];
    const got = [];
    if (winners.length !== 1) got.push(`${winners.length} checkouts succeeded for one unit`);
    const unclear = losers.filter((r) => !(r.status === 409 && r.body?.error?.code === 'OUT_OF_STOCK'));
    if (unclear.length) got.push(`losing checkouts not 409 OUT_OF_STOCK: ${unclear.map(line).join(', ')}`);
    const winnerIndex = results.findIndex((r) => r.status === 201);
    orderCounts.forEach((n, i) => {
      const expected = i === winnerIndex ? 1 : 0;
      if (n !== expected) got.push(`shopper ${i + 1} has ${n} orders, expected ${expected} (charged for nothing or twice)`);
    });
    if (after.status !== 200 || after.body.stock !== 0) got.push(`stock afterwards ${after.body?.stock}, expected 0`);
    // Leave the shop as it was: the raced-for product is withdrawn from sale (kept for the order that bought it).
    const archived = await staffClient.call('POST', `/api/admin/products/${product.id}/archive`, { token: manager.token });
    evidence.push(`catalog manager archived ${product.id} afterwards → ${line(archived)}`);
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
