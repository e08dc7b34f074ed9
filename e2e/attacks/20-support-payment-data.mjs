/**
 * An insider: a support agent (signed in with password and TOTP) reaches
 * for payment systems. Staff roles hold no shopper permission, so adding a
 * card and checking out are refused 403 FORBIDDEN naming payments:pay:own
 * (the gateway decides for the vault, the order service for checkout); the
 * staff order view the role does grant shows a card's brand and last four
 * only. Each refusal is an access.permission.denied event, and the
 * monitor's permission rule turns a refused payment permission into a high
 * alert, here read by an admin (alerts:read).
 */
const ORDER_FIELDS = new Set(['id', 'status', 'total', 'currency', 'brand', 'last4', 'items', 'shippingAddress', 'createdAt', 'userId']);
const CARD_LIKE_KEY = /card|pan|number|cvc|cvv|exp|token|fingerprint/i;

/** Every key at any depth, as a.b.c paths. */
function keyPaths(value, prefix = '') {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...keyPaths(v, `${prefix}${k}.`)]);
}

const line = (res) => `${res.status} ${res.body?.error?.code ?? ''} ${res.body?.error?.message ?? ''}`.trim();

export default {
  id: 'support-payment-data',
  title: 'Support staff reach for payment data: add a card, check out, read card fields of an order',
  layer: { number: 5, name: 'Identity' },
  stoppedMeans:
    '403 FORBIDDEN naming payments:pay:own on POST /api/payments/cards and POST /api/orders; the staff order view has brand and last4 only; an admin sees the access.permission_probe alert for the refusal',
  order: 42,
  async run(ctx) {
    const customer = await ctx.customerA();
    const order = await ctx.placeOrder(customer);
    const insider = ctx.newClient();
    const support = await ctx.signInAsStaff('support', insider);
    const me = await insider.call('GET', '/api/me', { token: support.token });
    if (me.status !== 200) throw new ctx.SetupError(`GET /api/me as support: ${line(me)}`);
    const evidence = [`signed in as support (${me.body.id}, roles ${me.body.roles?.join(', ') ?? '?'}) with password and TOTP`];
    const got = [];

    const card = await ctx.tokenizeCard(support, undefined, insider);
    evidence.push(`POST /api/payments/cards → ${line(card)}`);
    const checkout = await ctx.checkout(support, 'tok_support_has_no_card', undefined, insider);
    evidence.push(`POST /api/orders (checkout) → ${line(checkout)}`);
    for (const [what, res] of [['add a card', card], ['check out', checkout]]) {
      const refused = res.status === 403 && res.body?.error?.code === 'FORBIDDEN' && res.body.error.message?.includes('payments:pay:own');
      if (!refused) got.push(`${what}: ${line(res)}, not 403 FORBIDDEN naming payments:pay:own`);
    }

    const list = await insider.call('GET', '/api/admin/orders', { token: support.token });
    const seen = list.body?.items?.find((o) => o.id === order.id);
    if (list.status !== 200 || !seen) throw new ctx.SetupError(`support could not look up order ${order.id}: ${line(list)}`);
    const extra = Object.keys(seen).filter((k) => !ORDER_FIELDS.has(k));
    const cardKeys = keyPaths(seen).filter((p) => CARD_LIKE_KEY.test(p));
    evidence.push(`GET /api/admin/orders → order ${order.id}: brand ${seen.brand}, last4 ${seen.last4}; fields ${Object.keys(seen).join(', ')}`);
    if (extra.length) got.push(`unexpected order fields for support: ${extra.join(', ')}`);
    if (cardKeys.length) got.push(`card-like fields for support: ${cardKeys.join(', ')}`);
    if (!/^\d{4}$/.test(String(seen.last4))) got.push(`last4 is ${JSON.stringify(seen.last4)}`);
    // The customer paid with the test card 4242…: the full number is never in the staff view (card-number-echo scans every response).
    if (list.text.includes('4242424242424242')) got.push('the full card number in the staff order list');

    // An admin reads the alert (from the same address: two staff sign-ins stay within any sign-in tier).
    const admin = await ctx.signInAsStaff('admin', insider);
    const alert = await ctx.waitForAlert(
      insider,
      admin,
      (a) => a.rule === 'access.permission_probe' && a.subjects.includes(`user:${me.body.id}`) && a.summary.includes('payments:'),
    );
    evidence.push(alert ? `admin (alerts:read): ${ctx.describeAlert(alert)}, raised ${alert.createdAt}` : 'admin: no access.permission_probe alert for support within 30 s');
    if (!alert) got.push('the refused payment permission raised no alert');
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
