import { getCart, type Cart } from '../api/cart';
import { ApiError } from '../api/errors';
import { placeOrder, type ShippingAddress } from '../api/orders';
import { tokenizeCard } from '../api/payments';
import { isSignedIn, onSessionChange } from '../api/session';
import { groupCardNumber, parseCardFields } from '../card-form';
import { CheckoutAttempt } from '../checkout-attempt';
import { field, input, link, loading, pageHeading, price, whileBusy } from '../components';
import { h, mount } from '../dom';
import { formatCard, formatPrice } from '../format';
import type { PageContext } from '../page';
import { setCartCount } from '../store';
import { rememberPlacedOrder } from './order';

// Module-level so that a retry after a network failure (even after leaving and coming back)
// reuses the same Idempotency-Key and card token. Signing out drops it.
const attempt = new CheckoutAttempt(() => crypto.randomUUID());
onSessionChange(() => {
  if (!isSignedIn()) attempt.reset();
});

export async function renderCheckout(ctx: PageContext): Promise<void> {
  ctx.setTitle('Checkout');
  mount(ctx.view, pageHeading('Checkout'), loading());
  const cart = await getCart(ctx.signal);
  if (!ctx.isCurrent()) return;
  if (cart.items.length === 0) {
    mount(ctx.view, pageHeading('Checkout'), h('p', { class: 'empty', 'data-testid': 'checkout-empty' }, 'Your cart is empty. ', link({ name: 'catalog', q: '', page: 1 }, null, 'Back to the shop'), '.'));
    return;
  }
  mount(ctx.view, pageHeading('Checkout'), h('div', { class: 'checkout-layout' }, checkoutForm(ctx, cart), summary(cart)));
}

function checkoutForm(ctx: PageContext, cart: Cart): HTMLFormElement {
  const shipping = {
    name: input({ autocomplete: 'shipping name', required: true, maxlength: 100, 'data-testid': 'ship-name' }),
    line1: input({ autocomplete: 'shipping address-line1', required: true, maxlength: 200, 'data-testid': 'ship-line1' }),
    line2: input({ autocomplete: 'shipping address-line2', maxlength: 200, 'data-testid': 'ship-line2' }),
    city: input({ autocomplete: 'shipping address-level2', required: true, maxlength: 100, 'data-testid': 'ship-city' }),
    postalCode: input({ autocomplete: 'shipping postal-code', required: true, maxlength: 20, 'data-testid': 'ship-postal-code' }),
    country: input({ autocomplete: 'shipping country', required: true, minlength: 2, maxlength: 2, pattern: '[A-Za-z]{2}', placeholder: 'US', class: 'narrow', 'data-testid': 'ship-country' }),
  };
  const payment = h('fieldset', { class: 'card-fields' });
  const place = h('button', { type: 'submit', class: 'button button-primary button-wide', 'data-testid': 'place-order' }, `Place order · ${formatPrice(cart.totalCents, cart.currency)}`);
  const card = cardFields();
  const showPayment = (): void => mount(payment, h('legend', null, 'Payment'), attempt.isPending ? pendingCard(showPayment) : card.fields);
  showPayment();

  const form = h(
    'form',
    { class: 'card form checkout-form', 'data-testid': 'checkout-form' },
    h(
      'fieldset',
      null,
      h('legend', null, 'Shipping address'),
      field('Full name', shipping.name),
      field('Address', shipping.line1),
      field('Apartment, suite (optional)', shipping.line2),
      h('div', { class: 'field-row' }, field('City', shipping.city), field('Postal code', shipping.postalCode), field('Country', shipping.country, 'Two-letter code')),
    ),
    payment,
    place,
    h('p', { class: 'muted small' }, 'Your card goes straight to our payment vault. We keep only its brand and last four digits.'),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const address: ShippingAddress = {
      name: shipping.name.value.trim(),
      line1: shipping.line1.value.trim(),
      ...(shipping.line2.value.trim() ? { line2: shipping.line2.value.trim() } : {}),
      city: shipping.city.value.trim(),
      postalCode: shipping.postalCode.value.trim(),
      country: shipping.country.value.trim().toUpperCase(),
    };
    void whileBusy(place, 'Placing order…', () => submitOrder(ctx, address, card, showPayment));
  });
  return form;
}

async function submitOrder(ctx: PageContext, address: ShippingAddress, card: CardFields, showPayment: () => void): Promise<void> {
  ctx.clearAlerts();
  try {
    let token = attempt.card;
    if (!token) {
      const parsed = parseCardFields(card.read());
      if (!parsed.ok) {
        ctx.error(parsed.message);
        return;
      }
      token = await tokenizeCard(parsed.card);
      attempt.useCard(token);
      // The vault has the card now; the number must not linger in the page.
      card.clear();
      showPayment();
    }
    const order = await placeOrder(token.cardToken, address, attempt.idempotencyKey());
    attempt.reset();
    rememberPlacedOrder(order);
    setCartCount(0);
    ctx.navigate({ name: 'order', id: order.id }, { notice: 'Thank you! Your order is placed.' });
  } catch (error) {
    if (!attempt.card) {
      ctx.fail(error); // tokenizing failed: the fields are still filled in for a fix
      return;
    }
    const retrySafe = attempt.settleFailure(error);
    showPayment();
    if (error instanceof ApiError && error.status === 401) ctx.fail(error);
    else if (retrySafe) {
      const reason = error instanceof Error && error.message ? error.message : 'The order could not be confirmed.';
      ctx.error(`${reason} Your order may or may not have gone through. Press “Place order” again: it is safe and will not charge you twice.`);
    } else ctx.fail(error);
  }
}

interface CardFields {
  fields: HTMLElement[];
  read(): { number: string; expMonth: string; expYear: string; cvc: string; holder: string };
  clear(): void;
}

/**
 * Card inputs have no `name`: if the form were ever submitted natively, the number would not
 * go into a URL or request body. autocomplete=off asks the browser not to store the number.
 */
function cardFields(): CardFields {
  const number = input({ inputmode: 'numeric', autocomplete: 'off', required: true, maxlength: 23, placeholder: '1234 1234 1234 1234', spellcheck: 'false', 'data-testid': 'card-number' });
  const expMonth = input({ inputmode: 'numeric', autocomplete: 'off', required: true, maxlength: 2, placeholder: 'MM', class: 'narrow', 'data-testid': 'card-exp-month' });
  const expYear = input({ inputmode: 'numeric', autocomplete: 'off', required: true, maxlength: 4, placeholder: 'YYYY', class: 'narrow', 'data-testid': 'card-exp-year' });
  const cvc = input({ inputmode: 'numeric', autocomplete: 'off', required: true, maxlength: 4, placeholder: '123', class: 'narrow', 'data-testid': 'card-cvc' });
  const holder = input({ autocomplete: 'cc-name', required: true, maxlength: 100, 'data-testid': 'card-holder' });
  number.addEventListener('input', () => {
    const grouped = groupCardNumber(number.value);
    if (grouped !== number.value) number.value = grouped;
  });
  const all = [number, expMonth, expYear, cvc, holder];
  return {
    fields: [
      field('Card number', number),
      h('div', { class: 'field-row' }, field('Expiry month', expMonth), field('Expiry year', expYear), field('Security code', cvc)),
      field('Name on card', holder),
    ],
    read: () => ({ number: number.value, expMonth: expMonth.value, expYear: expYear.value, cvc: cvc.value, holder: holder.value }),
    clear: () => all.forEach((el) => (el.value = '')),
  };
}

function pendingCard(onChange: () => void): HTMLElement {
  const card = attempt.card;
  const change = h('button', { type: 'button', class: 'button button-link', 'data-testid': 'change-card' }, 'Use a different card');
  change.addEventListener('click', () => {
    attempt.reset();
    onChange();
  });
  return h(
    'div',
    { class: 'pending-card', 'data-testid': 'pending-card' },
    h('p', null, 'Paying with ', h('strong', null, formatCard(card?.brand, card?.last4)), '.'),
    h('p', { class: 'muted small' }, 'If an earlier try may have gone through, check your orders before using a different card. ', change),
  );
}

function summary(cart: Cart): HTMLElement {
  return h(
    'aside',
    { class: 'card order-summary', 'data-testid': 'checkout-summary' },
    h('h2', null, 'Order summary'),
    h(
      'ul',
      { class: 'summary-items' },
      cart.items.map((item) => h('li', null, h('span', null, `${item.name} × ${item.quantity}`), price(item.lineTotalCents, cart.currency))),
    ),
    h('div', { class: 'cart-summary' }, h('span', null, 'Total'), price(cart.totalCents, cart.currency, { class: 'price price-large', 'data-testid': 'checkout-total' })),
  );
}
