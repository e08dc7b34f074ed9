import { listProducts, type Product } from '../api/catalog';
import { input, link, loading, pageHeading, price, productImage, stockLabel } from '../components';
import { h, mount } from '../dom';
import type { PageContext } from '../page';
import type { Route } from '../router';

const PAGE_SIZE = 12;

type CatalogRoute = Extract<Route, { name: 'catalog' }>;

export async function renderCatalog(ctx: PageContext, route: CatalogRoute): Promise<void> {
  ctx.setTitle(route.q ? `Search: ${route.q}` : 'Shop');
  const results = h('section', { class: 'catalog-results', 'aria-live': 'polite' }, loading());
  mount(ctx.view, pageHeading(route.q ? `Results for “${route.q}”` : 'Shop'), searchForm(ctx, route.q), results);

  const page = await listProducts({ q: route.q, page: route.page, pageSize: PAGE_SIZE }, ctx.signal);
  if (!ctx.isCurrent()) return;
  if (page.items.length === 0) {
    mount(results, h('p', { class: 'empty', 'data-testid': 'catalog-empty' }, route.q ? `Nothing matches “${route.q}”.` : 'The shop is empty.'));
    return;
  }
  mount(
    results,
    h('ul', { class: 'product-grid', 'data-testid': 'product-grid' }, page.items.map(productCard)),
    pagination(route, page.page || route.page, Math.max(1, Math.ceil(page.total / (page.pageSize || PAGE_SIZE)))),
  );
}

function searchForm(ctx: PageContext, q: string): HTMLFormElement {
  const search = input({ type: 'search', value: q, placeholder: 'Search products', 'aria-label': 'Search products', maxlength: 100, 'data-testid': 'search-input' });
  const form = h(
    'form',
    { class: 'search', role: 'search' },
    search,
    h('button', { type: 'submit', class: 'button', 'data-testid': 'search-submit' }, 'Search'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate({ name: 'catalog', q: search.value.trim(), page: 1 });
  });
  return form;
}

function productCard(product: Product): HTMLElement {
  const target: Route = { name: 'product', id: product.id };
  return h(
    'li',
    { class: 'product-card', 'data-testid': 'product-card', 'data-product-id': product.id, 'data-stock': product.stock },
    link(target, { class: 'product-card-image', tabindex: -1, 'aria-hidden': 'true' }, productImage(product, 'card')),
    h(
      'div',
      { class: 'product-card-body' },
      h('span', { class: 'category', 'data-testid': 'product-category' }, product.category),
      h('h2', { class: 'product-card-title' }, link(target, { 'data-testid': 'product-link' }, product.name)),
      h('div', { class: 'product-card-meta' }, price(product.priceCents, product.currency, { 'data-testid': 'product-price' }), stockLabel(product.stock)),
    ),
  );
}

function pagination(route: CatalogRoute, page: number, pages: number): HTMLElement | null {
  if (pages <= 1) return null;
  const to = (p: number): Route => ({ name: 'catalog', q: route.q, page: p });
  // Disabled ends stay in place as plain text so the controls do not shift.
  return h(
    'nav',
    { class: 'pagination', 'aria-label': 'Pages' },
    page > 1 ? link(to(page - 1), { class: 'button button-secondary', rel: 'prev', 'data-testid': 'page-prev' }, '← Previous') : h('span', { class: 'button button-secondary is-disabled', 'aria-disabled': 'true' }, '← Previous'),
    h('span', { class: 'page-info', 'data-testid': 'page-info' }, `Page ${page} of ${pages}`),
    page < pages ? link(to(page + 1), { class: 'button button-secondary', rel: 'next', 'data-testid': 'page-next' }, 'Next →') : h('span', { class: 'button button-secondary is-disabled', 'aria-disabled': 'true' }, 'Next →'),
  );
}
