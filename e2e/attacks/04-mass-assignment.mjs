import { randomUUID } from 'node:crypto';

/**
 * Server-decided fields (role, price) are never accepted from a client:
 * a registration that asks for admin and a cart line that names its own
 * price are both refused with 400 VALIDATION_FAILED.
 */
export default {
  id: 'mass-assignment',
  title: 'Mass assignment (register with role admin; cart line with priceCents)',
  layer: { number: 3, name: 'Service protection' },
  stoppedMeans: '400 VALIDATION_FAILED for both, no cheap line in the cart',
  order: 40,
  async run(ctx) {
    const evidence = [];
    const got = [];
    const email = `attack-admin-${randomUUID()}@example.test`;
    const register = await ctx.client.call('POST', '/api/auth/register', {
      body: { email, password: `pw-${randomUUID()}`, name: 'Mallory', role: 'admin', roles: ['admin'] },
    });
    evidence.push(`register {role:"admin", roles:["admin"]} → ${register.status} ${register.body?.error?.code ?? ''}`.trim());
    if (register.status !== 400) got.push(`registration with role fields: ${register.status} ${register.text.slice(0, 200)}`);

    const shopper = await ctx.customerB();
    const product = await ctx.inStockProduct();
    const line = await ctx.client.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 1, priceCents: 1, unitPriceCents: 1 } });
    evidence.push(`cart line {priceCents:1, unitPriceCents:1} for a ${product.priceCents}-cent product → ${line.status} ${line.body?.error?.code ?? ''}`.trim());
    if (line.status !== 400) got.push(`cart line with a price: ${line.status} ${line.text.slice(0, 200)}`);

    const cart = await ctx.client.call('GET', '/api/cart', { token: shopper.token });
    const cheap = (cart.body?.items ?? []).filter((i) => i.unitPriceCents !== product.priceCents && i.productId === product.id);
    evidence.push(`cart afterwards: ${cart.status}, ${(cart.body?.items ?? []).length} line(s)`);
    if (cheap.length) got.push(`cart holds the product at ${cheap[0].unitPriceCents} cents`);
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
