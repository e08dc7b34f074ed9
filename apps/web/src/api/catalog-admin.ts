import type { Product } from './catalog';
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
