import { getOrder, type Order } from '../api/orders';
import { link, loading, pageHeading, price, statusBadge } from '../components';
import { h, mount } from '../dom';
import { formatCard, formatDate } from '../format';
import type { PageContext } from '../page';
import type { Route } from '../router';

// Orders placed in this tab, from the create response: the confirmation can show them even if
// reading the order back fails (e.g. a read replica that has not caught up).
const placedOrders = new Map<string, Order>();

export function rememberPlacedOrder(order: Order): void {
  placedOrders.set(order.id, order);
}

export async function renderOrder(ctx: PageContext, route: Extract<Route, { name: 'order' }>): Promise<void> {
  ctx.setTitle('Order');
  mount(ctx.view, loading());
  const placed = placedOrders.get(route.id);
  let order: Order;
  try {
    order = await getOrder(route.id, ctx.signal);
    // The create response may name the brand when the read does not.
    if (placed && !order.brand) order = { ...order, brand: placed.brand };
  } catch (error) {
    if (!placed) throw error;
    order = placed;
  }
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`Order ${order.id}`);
  mount(ctx.view, link({ name: 'orders' }, { class: 'back-link' }, '← All orders'), orderView(order, placed !== undefined));
}

function orderView(order: Order, justPlaced: boolean): HTMLElement {
  return h(
    'article',
    { class: 'card order', 'data-testid': 'order-confirmation', 'data-order-id': order.id },
    pageHeading(justPlaced ? 'Thank you for your order' : 'Order details'),
    h(
      'dl',
      { class: 'details' },
      h('dt', null, 'Order number'),
      h('dd', null, h('code', { 'data-testid': 'order-id' }, order.id)),
      h('dt', null, 'Status'),
      h('dd', null, statusBadge(order.status)),
      order.createdAt ? [h('dt', null, 'Placed'), h('dd', { 'data-testid': 'order-date' }, formatDate(order.createdAt))] : null,
      h('dt', null, 'Paid with'),
      h('dd', { 'data-testid': 'order-card' }, formatCard(order.brand, order.last4)),
      h('dt', null, 'Total'),
      h('dd', null, price(order.totalCents, order.currency, { class: 'price price-large', 'data-testid': 'order-total' })),
    ),
    order.items.length
      ? h(
          'ul',
          { class: 'summary-items', 'data-testid': 'order-items' },
          order.items.map((item) =>
            h('li', { 'data-testid': 'order-item', 'data-product-id': item.productId }, h('span', null, `${item.name} × ${item.quantity}`), price(item.lineTotalCents, order.currency)),
          ),
        )
      : null,
  );
}
