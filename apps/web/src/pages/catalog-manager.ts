import { listManagedProducts, type ManagedProduct, setProductArchived, updateProduct } from '../api/catalog-admin';
import { field, input, loading, pageHeading, price } from '../components';
import { h, mount } from '../dom';
import type { PageContext } from '../page';

const PAGE_SIZE = 48;

/**
 * The catalog manager's page: find a product, change its price, stock or
 * description, archive it (withdrawn from sale, kept in past orders) or
 * restore it. The list shows archived products too, marked, which only the
 * manager sees. Each action is a staff action (a fresh second factor, asked
 * for when needed) and a `catalog.product.changed` event on the security desk.
 */
export async function renderCatalogManager(ctx: PageContext): Promise<void> {
  ctx.setTitle('Catalog');
  const query = input({ name: 'q', type: 'search', maxlength: 100, placeholder: 'Search products', 'data-testid': 'catalog-manager-search' });
  const list = h('div', { 'data-testid': 'catalog-manager-list' }, loading('Loading products…'));
  const editor = h('section', { class: 'card', 'aria-live': 'polite', 'data-testid': 'catalog-manager-editor' }, h('p', { class: 'muted' }, 'Choose a product to edit.'));

  const search = async (): Promise<void> => {
    const page = await listManagedProducts({ q: query.value.trim(), page: 1, pageSize: PAGE_SIZE }, ctx.signal);
    if (!ctx.isCurrent()) return;
    const refresh = () => void search().catch(ctx.fail);
    mount(
      list,
      page.items.length === 0
        ? h('p', { class: 'empty' }, 'No product matches.')
        : productTable(page.items, {
            onEdit: (product) => mount(editor, productEditor(ctx, product, refresh)),
            onArchive: (product, button) => toggleArchived(ctx, product, button, refresh),
          }),
    );
  };

  const searchForm = h('form', { role: 'search' }, field('Find a product', query), h('button', { type: 'submit', class: 'button button-secondary' }, 'Search'));
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    search().catch(ctx.fail);
  });

  mount(ctx.view, pageHeading('Catalog management'), searchForm, h('div', { class: 'desk-grid' }, h('section', { 'aria-label': 'Products' }, list), editor));
  await search();
}

interface RowActions {
  onEdit: (product: ManagedProduct) => void;
  onArchive: (product: ManagedProduct, button: HTMLButtonElement) => void;
}

function productTable(products: ManagedProduct[], actions: RowActions): HTMLElement {
  return h(
    'table',
    { class: 'alert-table' },
    h('thead', null, h('tr', null, ['Product', 'Price', 'Stock', ''].map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      null,
      products.map((product) => {
        const archived = product.archivedAt !== null;
        const edit = h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'catalog-manager-edit', 'data-product-id': product.id }, 'Edit');
        edit.addEventListener('click', () => actions.onEdit(product));
        const archive = h(
          'button',
          { type: 'button', class: 'button button-secondary', 'data-testid': archived ? 'catalog-manager-restore' : 'catalog-manager-archive', 'data-product-id': product.id },
          archived ? 'Restore' : 'Archive',
        );
        archive.addEventListener('click', () => actions.onArchive(product, archive));
        const name = archived
          ? h('td', null, product.name, ' ', h('span', { class: 'badge', 'data-testid': 'catalog-manager-archived', title: `Archived ${new Date(product.archivedAt ?? '').toLocaleString()}` }, 'Archived'))
          : h('td', null, product.name);
        return h(
          'tr',
          { 'data-product-id': product.id, 'data-archived': String(archived) },
          name,
          h('td', null, price(product.priceCents, product.currency)),
          h('td', null, String(product.stock)),
          h('td', null, edit, ' ', archive),
        );
      }),
    ),
  );
}

/** Archive hides the product from the shop (carts drop it, checkout refuses it); restore puts it back on sale. */
function toggleArchived(ctx: PageContext, product: ManagedProduct, button: HTMLButtonElement, onDone: () => void): void {
  const archive = product.archivedAt === null;
  button.disabled = true;
  setProductArchived(product.id, archive)
    .then((changed) => {
      ctx.notice(archive ? `${changed.name} archived: no longer for sale.` : `${changed.name} restored: on sale again.`);
      onDone();
    })
    .catch((error: unknown) => {
      ctx.error(error instanceof Error ? error.message : archive ? 'The product was not archived.' : 'The product was not restored.');
      button.disabled = false;
    });
}

/** Price in the form is in major units (12.50); the API takes integer cents. */
export function toCents(value: string): number | null {
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(value.trim())) return null;
  const cents = Math.round(Number(value.trim()) * 100);
  return cents > 0 ? cents : null;
}

function productEditor(ctx: PageContext, product: ManagedProduct, onSaved: () => void): HTMLElement {
  const priceInput = input({ name: 'price', inputmode: 'decimal', required: true, value: (product.priceCents / 100).toFixed(2), 'data-testid': 'catalog-manager-price' });
  const stockInput = input({ name: 'stock', type: 'number', required: true, min: 0, max: 1_000_000, step: 1, value: String(product.stock), 'data-testid': 'catalog-manager-stock' });
  const description = h('textarea', { name: 'description', maxlength: 1000, rows: 4, 'data-testid': 'catalog-manager-description' }, product.description);
  const save = h('button', { type: 'submit', class: 'button', 'data-testid': 'catalog-manager-save' }, 'Save changes');
  const form = h(
    'form',
    { 'data-product-id': product.id },
    h('h2', null, product.name),
    field(`Price (${product.currency})`, priceInput),
    field('Stock', stockInput),
    h('div', { class: 'field' }, h('label', null, 'Description', description)),
    save,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const priceCents = toCents(priceInput.value);
    const stock = Number(stockInput.value);
    if (priceCents === null) return ctx.error('Enter a price above zero, like 12.50.');
    if (!Number.isSafeInteger(stock) || stock < 0) return ctx.error('Enter the stock as a whole number, zero or more.');
    const change = {
      ...(priceCents !== product.priceCents ? { priceCents } : {}),
      ...(stock !== product.stock ? { stock } : {}),
      ...(description.value !== product.description ? { description: description.value } : {}),
    };
    if (Object.keys(change).length === 0) return ctx.notice('Nothing changed.');
    save.disabled = true;
    updateProduct(product.id, change)
      .then((updated) => {
        ctx.notice(`${updated.name} saved.`);
        onSaved();
      })
      .catch((error: unknown) => ctx.error(error instanceof Error ? error.message : 'The change was not saved.'))
      .finally(() => {
        save.disabled = false;
      });
  });
  return form;
}
