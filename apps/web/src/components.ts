import type { Product } from './api/catalog';
import { h, type Child, type Props } from './dom';
import { formatPrice, formatStatus } from './format';
import { href, type Route } from './router';
import { isSafeUrl } from './safe-url';

let fieldCounter = 0;

/** A labelled form control. The label is tied to the control by id for screen readers and tests. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLElement {
  control.id ||= `field-${++fieldCounter}`;
  const hintElement = hint ? h('small', { class: 'field-hint', id: `${control.id}-hint` }, hint) : null;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintElement);
}

export function input(props: Props): HTMLInputElement {
  return h('input', { type: 'text', ...props });
}

export function link(route: Route, props: Props | null, ...children: Child[]): HTMLAnchorElement {
  return h('a', { ...props, href: href(route) }, ...children);
}

export function price(minorUnits: number, currency: string, props?: Props): HTMLElement {
  return h('span', { class: 'price', ...props }, formatPrice(minorUnits, currency));
}

export function productImage(product: Pick<Product, 'imageUrl' | 'name'>, size: 'card' | 'large'): HTMLElement {
  // An unusable URL (dom.h would drop it) gets a neutral tile instead of a broken-image icon.
  if (!isSafeUrl(product.imageUrl)) return h('div', { class: `product-image product-image-${size} product-image-missing`, role: 'img', 'aria-label': product.name });
  // width/height reserve the space before the image loads, so the grid does not jump.
  return h('img', {
    class: `product-image product-image-${size}`,
    src: product.imageUrl,
    alt: product.name,
    width: 400,
    height: 300,
    loading: 'lazy',
    decoding: 'async',
  });
}

export function stockLabel(stock: number): HTMLElement {
  if (stock <= 0) return h('span', { class: 'stock stock-out' }, 'Out of stock');
  if (stock <= 5) return h('span', { class: 'stock stock-low' }, `Only ${stock} left`);
  return h('span', { class: 'stock' }, 'In stock');
}

export function loading(label = 'Loading…'): HTMLElement {
  return h('p', { class: 'loading', 'aria-busy': 'true' }, label);
}

export function pageHeading(text: string, props?: Props): HTMLHeadingElement {
  // tabindex -1: the router moves focus here after navigation so screen readers hear the new page.
  return h('h1', { tabindex: -1, ...props }, text);
}

/** Disables a button while `work` runs, so a double click cannot submit twice. */
export async function whileBusy(button: HTMLButtonElement, busyLabel: string, work: () => Promise<void>): Promise<void> {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = busyLabel;
  try {
    await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
  }
}

export function statusBadge(status: string): HTMLElement {
  // The class name is derived from API data, so keep it to a safe token.
  const token = status.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return h('span', { class: `status status-${token}`, 'data-testid': 'order-status', 'data-status': status }, formatStatus(status));
}
