import { randomUUID } from 'node:crypto';
import { describeAlert, waitForAlert } from './alerts.mjs';
import { AttackClient, brief } from './http.mjs';
import { signInAsStaff } from './staff.mjs';

export const APPROVED_CARD = '4242424242424242';
export const SHIPPING = { name: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

/**
 * A step the attack needed that the store refused or could not do (a
 * sign-in that was rate limited, say). The runner reports the scenario as
 * INCONCLUSIVE: nothing was proven either way.
 */
export class SetupError extends Error {}

/**
 * What every scenario gets: the client, the URLs, and a few things worth
 * doing once per run. Sign-ins are memoised because the gateway allows
 * only 10 sign-in calls (login, register, MFA) per minute per address, and
 * the brute-force scenario needs what is left of that budget.
 */
export function createContext({ client, baseUrl, vaultUrl, serviceUrls, log, ca, tlsDir, vaultDatabaseUrl, sourceAddresses = [] }) {
  let customerA;
  let customerB;
  let product;
  const extraClients = [];
  const ctx = {
    client,
    baseUrl,
    vaultUrl,
    serviceUrls,
    log,
    ca,
    tlsDir,
    vaultDatabaseUrl,
    SetupError,

    /**
     * Another attacker on its own source address (the next of sourceAddresses), for a scenario
     * that earns a block or spends a per-address budget; the main client when no address is left.
     */
    newClient() {
      const localAddress = sourceAddresses[extraClients.length];
      if (!localAddress) return client;
      const extra = new AttackClient({ baseUrl, ca, localAddress, trace: client.trace });
      // One transcript for the whole run, so card-number-echo scans every client's responses.
      extra.transcript = client.transcript;
      extraClients.push(extra);
      return extra;
    },

    async closeClients() {
      await Promise.all([client, ...extraClients].map((c) => c.close()));
    },

    /** A freshly registered customer signed in through `from` (default: the main client): { id, email, password, token, refreshCookie }. */
    registerAndSignIn(from = client) {
      return registerAndSignIn(from);
    },

    refreshCookieOf,

    signIn(from, email, password) {
      return signIn(from, email, password);
    },

    /** Staff sign-in for evidence only staff can see (alerts); see staff.mjs. */
    signInAsStaff(role, from = client) {
      return signInAsStaff(from, role, tlsDir);
    },

    /** Polls the staff alert list through `from` until `matches` finds one (undefined after the deadline); see alerts.mjs. */
    waitForAlert(from, staff, matches, deadlineMs) {
      return waitForAlert(from, staff, matches, deadlineMs);
    },

    describeAlert,

    /**
     * A freshly registered customer, signed in: { id, email, token, refreshCookie }. Not the seeded demo
     * customer: the attacks add cards and place orders, and the monitor's velocity rule would (rightly)
     * lock a shared account that people and other tests sign in with.
     */
    customerA() {
      customerA ??= registerAndSignIn(client);
      return customerA;
    },

    /** A freshly registered customer, signed in. */
    customerB() {
      customerB ??= registerAndSignIn(client);
      return customerB;
    },

    /** A product with stock to spare, looked up once (the catalog tier may block reads later in the run). */
    inStockProduct() {
      product ??= (async () => {
        const res = await client.call('GET', '/api/products?pageSize=48');
        if (res.status !== 200) throw new SetupError(`could not list products: ${brief(res)}`);
        const found = res.body.items.find((p) => p.stock >= 5);
        if (!found) throw new SetupError('no product with stock ≥ 5');
        return found;
      })();
      return product;
    },

    /** Helpers below take `from` (default: the main client) for a scenario whose shoppers keep to their own address. */
    tokenizeCard(session, number = APPROVED_CARD, from = client) {
      return from.call('POST', '/api/payments/cards', {
        token: session.token,
        body: { number, expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123', holder: 'Ada Lovelace' },
      });
    },

    async fillCart(session, from = client) {
      const item = await ctx.inStockProduct();
      const res = await from.call('POST', '/api/cart/items', { token: session.token, body: { productId: item.id, quantity: 1 } });
      if (res.status !== 200 && res.status !== 201) throw new SetupError(`could not fill the cart: ${brief(res)}`);
      return item;
    },

    checkout(session, cardToken, idempotencyKey = randomUUID(), from = client) {
      return from.call('POST', '/api/orders', {
        token: session.token,
        body: { cardToken, shippingAddress: SHIPPING },
        headers: { 'idempotency-key': idempotencyKey },
      });
    },

    /** One real, paid order for this session. */
    async placeOrder(session, from = client) {
      await ctx.fillCart(session, from);
      const card = await ctx.tokenizeCard(session, APPROVED_CARD, from);
      if (card.status !== 201) throw new SetupError(`could not tokenize the test card: ${brief(card)}`);
      const order = await ctx.checkout(session, card.body.cardToken, randomUUID(), from);
      if (order.status !== 201) throw new SetupError(`could not place an order: ${brief(order)}`);
      return order.body;
    },
  };
  return ctx;
}

export async function signIn(client, email, password) {
  const res = await client.call('POST', '/api/auth/login', { body: { email, password } });
  if (res.status !== 200 || !res.body?.accessToken) throw new SetupError(`sign-in as ${email} refused: ${brief(res)}`);
  const me = await client.call('GET', '/api/me', { token: res.body.accessToken });
  if (me.status !== 200) throw new SetupError(`GET /api/me with a fresh token: ${brief(me)}`);
  return { id: me.body.id, email, password, token: res.body.accessToken, refreshCookie: refreshCookieOf(res.headers['set-cookie']) };
}

async function registerAndSignIn(client) {
  const email = `attack-${randomUUID()}@example.test`;
  const password = `pw-${randomUUID()}`;
  const res = await client.call('POST', '/api/auth/register', { body: { email, password, name: 'Attack Runner' } });
  if (res.status !== 201) throw new SetupError(`could not register a fresh customer: ${brief(res)}`);
  return signIn(client, email, password);
}

/** `name=value` of the first Set-Cookie (the refresh cookie), without its attributes. */
export function refreshCookieOf(setCookie) {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return first ? first.split(';')[0] : undefined;
}
