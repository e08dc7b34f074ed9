import { getStaffOrder, type StaffOrder } from '../api/admin-orders';
import { ApiError } from '../api/errors';
import { field, input, pageHeading, price, statusBadge } from '../components';
import { h, mount } from '../dom';
import { formatCard, formatDate } from '../format';
import type { PageContext } from '../page';

const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Support's order lookup: any customer's order by its id, with its items,
 * status and the card's brand and last four digits (all the order service
 * ever holds: the card itself stays in the vault). Support holds no payment
 * permission, so nothing here can charge, refund or tokenize.
 */
export function renderSupport(ctx: PageContext): void {
  ctx.setTitle('Support');
  const orderId = input({ name: 'orderId', required: true, maxlength: 36, placeholder: 'Order number (a UUID)', autocomplete: 'off', 'data-testid': 'support-order-id' });
  const result = h('section', { 'aria-live': 'polite', 'data-testid': 'support-result' });
  const form = h('form', { class: 'card support-lookup' }, field('Order number', orderId, 'As the customer reads it from their confirmation.'), h('button', { type: 'submit', class: 'button', 'data-testid': 'support-lookup' }, 'Look up'));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = orderId.value.trim();
    if (!ORDER_ID.test(id)) {
      ctx.error('An order number looks like 3f2b…-…: 36 characters with dashes.');
      return;
    }
    mount(result, h('p', { class: 'muted' }, 'Looking up…'));
    getStaffOrder(id, ctx.signal)
      .then((order) => {
        if (ctx.isCurrent()) mount(result, staffOrderView(order));
      })
      .catch((error: unknown) => {
        if (!ctx.isCurrent()) return;
        if (error instanceof ApiError && error.code === 'ORDER_NOT_FOUND') mount(result, h('p', { class: 'empty', 'data-testid': 'support-not-found' }, 'No order has this number.'));
        else ctx.fail(error);
      });
  });

  mount(ctx.view, pageHeading('Support: order lookup'), form, result);
}

function staffOrderView(order: StaffOrder): HTMLElement {
  return h(
    'article',
    { class: 'card order', 'data-testid': 'support-order', 'data-order-id': order.id },
    h(
      'dl',
      { class: 'details' },
      h('dt', null, 'Order number'),
      h('dd', null, h('code', null, order.id)),
      h('dt', null, 'Customer'),
      h('dd', null, h('code', { 'data-testid': 'support-order-customer' }, order.userId || '—')),
      h('dt', null, 'Status'),
      h('dd', { 'data-testid': 'support-order-status' }, statusBadge(order.status)),
      h('dt', null, 'Placed'),
      h('dd', null, formatDate(order.createdAt)),
      h('dt', null, 'Paid with'),
      h('dd', { 'data-testid': 'support-order-card' }, formatCard(order.brand, order.last4)),
      h('dt', null, 'Total'),
      h('dd', null, price(order.totalCents, order.currency)),
    ),
    h(
      'ul',
      { class: 'summary-items', 'data-testid': 'support-order-items' },
      order.items.map((item) => h('li', { 'data-testid': 'support-order-item' }, h('span', null, `${item.name} × ${item.quantity}`), price(item.lineTotalCents, order.currency))),
    ),
  );
}
