import { listOrders, type Order } from '../api/orders';
import { link, loading, pageHeading, price, statusBadge } from '../components';
import { h, mount } from '../dom';
import { formatCard, formatDate } from '../format';
import type { PageContext } from '../page';

export async function renderOrders(ctx: PageContext): Promise<void> {
  ctx.setTitle('Your orders');
  const body = h('div', null, loading());
  mount(ctx.view, pageHeading('Your orders'), body);
  const orders = await listOrders(ctx.signal);
  if (!ctx.isCurrent()) return;
  if (orders.length === 0) {
    mount(body, h('p', { class: 'empty', 'data-testid': 'orders-empty' }, 'No orders yet. ', link({ name: 'catalog', q: '', page: 1 }, null, 'Start shopping'), '.'));
    return;
  }
  mount(body, h('ul', { class: 'order-list', 'data-testid': 'order-list' }, orders.map(orderRow)));
}

function orderRow(order: Order): HTMLElement {
  return h(
    'li',
    { class: 'card order-row', 'data-testid': 'order-row', 'data-order-id': order.id },
    h(
      'div',
      { class: 'order-row-main' },
      link({ name: 'order', id: order.id }, { class: 'order-link', 'data-testid': 'order-link' }, `Order ${order.id.slice(0, 8)}`),
      h('span', { class: 'muted' }, formatDate(order.createdAt)),
    ),
    statusBadge(order.status),
    h('span', { class: 'muted', 'data-testid': 'order-card' }, formatCard(order.brand, order.last4)),
    price(order.totalCents, order.currency, { 'data-testid': 'order-total' }),
  );
}
