import { apiRequest, segment } from './http';

export interface CartItem {
  productId: string;
  name: string;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
}

export interface Cart {
  items: CartItem[];
  totalCents: number;
  currency: string;
}

export function getCart(signal?: AbortSignal): Promise<Cart> {
  return apiRequest('/api/cart', { signal });
}

/** Sets the line to exactly `quantity` (at least 1; use removeCartItem for 0). */
export async function setCartItem(productId: string, quantity: number): Promise<void> {
  await apiRequest('/api/cart/items', { method: 'POST', body: { productId, quantity } });
}

export async function removeCartItem(productId: string): Promise<void> {
  await apiRequest(`/api/cart/items/${segment(productId)}`, { method: 'DELETE' });
}

export function itemCount(cart: Cart): number {
  return cart.items.reduce((sum, item) => sum + item.quantity, 0);
}
