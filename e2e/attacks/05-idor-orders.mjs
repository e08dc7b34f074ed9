/**
 * Insecure direct object reference: customer B knows (or guesses) the id of
 * customer A's order and asks for it. The order service answers 404
 * ORDER_NOT_FOUND, the same as for an id that does not exist, so B cannot
 * even learn that the order exists; B's own list never contains it.
 */
export default {
  id: 'idor-orders',
  title: "IDOR: customer B reads customer A's order",
  layer: { number: 3, name: 'Service protection' },
  stoppedMeans: "404 ORDER_NOT_FOUND, not in B's list, 403 on /api/admin/orders",
  order: 50,
  async run(ctx) {
    const a = await ctx.customerA();
    const b = await ctx.customerB();
    const order = await ctx.placeOrder(a);
    const evidence = [`A placed order ${order.id}`];
    const got = [];

    const own = await ctx.client.call('GET', `/api/orders/${order.id}`, { token: a.token });
    evidence.push(`control: A reads it → ${own.status}`);
    const direct = await ctx.client.call('GET', `/api/orders/${order.id}`, { token: b.token });
    evidence.push(`B: GET /api/orders/${order.id} → ${direct.status} ${direct.body?.error?.code ?? ''}`.trim());
    if (direct.status !== 404) got.push(`GET by id: ${direct.status} ${direct.text.slice(0, 300)}`);

    const list = await ctx.client.call('GET', '/api/orders', { token: b.token });
    const leaked = (list.body?.items ?? []).some((o) => o.id === order.id);
    evidence.push(`B: GET /api/orders → ${list.status}, contains A's order: ${leaked}`);
    if (leaked) got.push("A's order in B's order list");

    const staffView = await ctx.client.call('GET', '/api/admin/orders', { token: b.token });
    evidence.push(`B: GET /api/admin/orders → ${staffView.status} ${staffView.body?.error?.code ?? ''}`.trim());
    if (staffView.status !== 403) got.push(`staff order list: ${staffView.status}`);

    return { stopped: own.status === 200 && got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') || (own.status !== 200 ? 'control failed' : '') };
  },
};
