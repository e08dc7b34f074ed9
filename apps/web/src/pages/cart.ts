import { getCart, itemCount, removeCartItem, setCartItem, type Cart, type CartItem } from '../api/cart';
import { input, link, loading, pageHeading, price } from '../components';
import { h, mount } from '../dom';
import type { PageContext } from '../page';
import { setCartCount } from '../store';

const MAX_QUANTITY = 99;

export async function renderCart(ctx: PageContext): Promise<void> {
  ctx.setTitle('Your cart');
  const body = h('div', { class: 'cart' }, loading());
  mount(ctx.view, pageHeading('Your cart'), body);
  await refresh(ctx, body);
}

async function refresh(ctx: PageContext, body: HTMLElement): Promise<void> {
  const cart = await getCart(ctx.signal);
  if (!ctx.isCurrent()) return;
  setCartCount(itemCount(cart));
  mount(body, cart.items.length ? cartView(ctx, body, cart) : emptyCart());
}

function emptyCart(): HTMLElement {
  return h('p', { class: 'empty', 'data-testid': 'cart-empty' }, 'Your cart is empty. ', link({ name: 'catalog', q: '', page: 1 }, null, 'Find something you like'), '.');
}

function cartView(ctx: PageContext, body: HTMLElement, cart: Cart): HTMLElement {
  /** Every change goes to the server, then the cart is re-read so totals always come from the server. */
  const change = async (work: () => Promise<void>): Promise<void> => {
    body.setAttribute('aria-busy', 'true');
    try {
      await work();
      ctx.clearAlerts();
    } catch (error) {
      ctx.fail(error);
    }
    try {
      await refresh(ctx, body);
    } catch (error) {
      ctx.fail(error);
    } finally {
      body.removeAttribute('aria-busy');
    }
  };

  return h(
    'div',
    { class: 'card' },
    h('ul', { class: 'cart-items', 'data-testid': 'cart-items' }, cart.items.map((item) => cartRow(item, cart.currency, change))),
    h('div', { class: 'cart-summary' }, h('span', null, 'Total'), price(cart.totalCents, cart.currency, { class: 'price price-large', 'data-testid': 'cart-total' })),
    h('div', { class: 'actions' }, link({ name: 'catalog', q: '', page: 1 }, { class: 'button button-secondary' }, 'Keep shopping'), link({ name: 'checkout' }, { class: 'button button-primary', 'data-testid': 'checkout-link' }, 'Checkout')),
  );
}

function cartRow(item: CartItem, currency: string, change: (work: () => Promise<void>) => Promise<void>): HTMLElement {
  const quantity = input({
    type: 'number',
    min: 0,
    max: MAX_QUANTITY,
    step: 1,
    value: item.quantity,
    inputmode: 'numeric',
    class: 'quantity',
    'aria-label': `Quantity of ${item.name}`,
    'data-testid': 'cart-quantity',
  });
  quantity.addEventListener('change', () => {
    const wanted = quantity.valueAsNumber;
    if (!Number.isInteger(wanted) || wanted < 0 || wanted > MAX_QUANTITY) {
      quantity.value = String(item.quantity);
      return;
    }
    if (wanted === item.quantity) return;
    // The API refuses quantity 0: zero means remove the line.
    void change(() => (wanted === 0 ? removeCartItem(item.productId) : setCartItem(item.productId, wanted)));
  });
  const remove = h('button', { type: 'button', class: 'button button-link', 'data-testid': 'cart-remove', 'aria-label': `Remove ${item.name}` }, 'Remove');
  remove.addEventListener('click', () => void change(() => removeCartItem(item.productId)));

  return h(
    'li',
    { class: 'cart-item', 'data-testid': 'cart-item', 'data-product-id': item.productId, 'data-quantity': item.quantity },
    h(
      'div',
      { class: 'cart-item-main' },
      link({ name: 'product', id: item.productId }, { class: 'cart-item-name', 'data-testid': 'cart-item-name' }, item.name),
      h('span', { class: 'muted' }, price(item.unitPriceCents, currency), ' each'),
    ),
    h('div', { class: 'cart-item-controls' }, quantity, remove),
    price(item.lineTotalCents, currency, { class: 'price line-total', 'data-testid': 'cart-line-total' }),
  );
}
