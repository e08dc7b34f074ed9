import type { Product, ProductQuery } from './catalog';
import { segment } from './http';
import { stepUpRequest } from './step-up';

/** What a catalog manager may change on a product; the server refuses anything else. */
export interface ProductChange {
  description?: string;
  priceCents?: number;
  stock?: number;
}

/** PATCH /api/products/:id (catalog-manager and admin; a staff action, so a stale second factor triggers the step-up prompt). */
export function updateProduct(id: string, change: ProductChange): Promise<Product> {
  return stepUpRequest(`/api/products/${segment(id)}`, { method: 'PATCH', body: change });
}

/** A product as the catalog manager sees it: archived ones too, with the time they were withdrawn from sale. */
export interface ManagedProduct extends Product {
  archivedAt: string | null;
}

export interface ManagedProductPage {
  items: ManagedProduct[];
  page: number;
  pageSize: number;
  total: number;
}

/** GET /api/admin/products: the manager's list, archived products included (catalog:write, a staff read). */
export function listManagedProducts(query: ProductQuery, signal?: AbortSignal): Promise<ManagedProductPage> {
  const params = new URLSearchParams({ q: query.q, page: String(query.page), pageSize: String(query.pageSize) });
  return stepUpRequest(`/api/admin/products?${params.toString()}`, { signal });
}

/** POST /api/admin/products/:id/archive or /restore: withdraws a product from sale or puts it back (idempotent). */
export function setProductArchived(id: string, archived: boolean): Promise<ManagedProduct> {
  return stepUpRequest(`/api/admin/products/${segment(id)}/${archived ? 'archive' : 'restore'}`, { method: 'POST' });
}
