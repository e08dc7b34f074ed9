import { getCart, itemCount, setCartItem } from '../api/cart';
import { getProduct, type Product } from '../api/catalog';
import { isSignedIn } from '../api/session';
import { field, input, link, loading, pageHeading, price, productImage, stockLabel, whileBusy } from '../components';
import { h, mount } from '../dom';
import type { PageContext } from '../page';
import { formatRoute, type Route } from '../router';
import { setCartCount } from '../store';

const MAX_QUANTITY = 99;

export async function renderProduct(ctx: PageContext, route: Extract<Route, { name: 'product' }>): Promise<void> {
  mount(ctx.view, loading());
  const product = await getProduct(route.id, ctx.signal);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(product.name);
  mount(
    ctx.view,
    link({ name: 'catalog', q: '', page: 1 }, { class: 'back-link' }, '← Back to the shop'),
    h(
      'article',
      { class: 'product-detail', 'data-testid': 'product-detail', 'data-product-id': product.id },
      productImage(product, 'large'),
      h(
        'div',
        { class: 'product-info' },
        h('span', { class: 'category', 'data-testid': 'product-category' }, product.category),
        pageHeading(product.name, { 'data-testid': 'product-name' }),
        price(product.priceCents, product.currency, { class: 'price price-large', 'data-testid': 'product-price' }),
        stockLabel(product.stock),
        h('p', { class: 'description', 'data-testid': 'product-description' }, product.description),
        addToCartForm(ctx, product),
      ),
    ),
  );
}

function addToCartForm(ctx: PageContext, product: Product): HTMLFormElement {
  const max = Math.max(1, Math.min(product.stock, MAX_QUANTITY));
  const quantity = input({ type: 'number', min: 1, max, step: 1, value: 1, required: true, inputmode: 'numeric', class: 'quantity', 'data-testid': 'quantity-input' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'add-to-cart', disabled: product.stock <= 0 }, product.stock > 0 ? 'Add to cart' : 'Out of stock');
  const form = h('form', { class: 'add-to-cart' }, field('Quantity', quantity), submit);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!isSignedIn()) {
      ctx.navigate({ name: 'sign-in', next: formatRoute({ name: 'product', id: product.id }) }, { notice: 'Sign in to add items to your cart.' });
      return;
    }
    const wanted = quantity.valueAsNumber;
    if (!Number.isInteger(wanted) || wanted < 1) {
      ctx.error('Enter a quantity of at least 1.');
      return;
    }
    void whileBusy(submit, 'Adding…', async () => {
      try {
        await addToCart(product.id, wanted);
        ctx.clearAlerts();
        ctx.notice(`Added ${wanted} × ${product.name} to your cart.`);
        quantity.value = '1';
      } catch (error) {
        ctx.fail(error);
      }
    });
  });
  return form;
}

/** POST /api/cart/items sets an absolute quantity, so "add" means: what is already there plus the new amount. */
async function addToCart(productId: string, quantity: number): Promise<void> {
  const before = await getCart();
  const existing = before.items.find((item) => item.productId === productId)?.quantity ?? 0;
  await setCartItem(productId, existing + quantity);
  setCartCount(itemCount(before) + quantity);
}
