import type { ShippingAddress } from './shipping-address';

/** paid: charged and on its way; held_for_review: charged, fulfilment waits for a security review. */
export const ORDER_STATUSES = ['paid', 'held_for_review'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderItemDto {
  productId: string;
  name: string;
  unitPriceCents: number;
  quantity: number;
}

/** An order as its owner sees it (201 from POST /orders, GET /orders, GET /orders/:id). `total` is in cents. */
export interface OrderDto {
  id: string;
  status: OrderStatus;
  total: number;
  currency: string;
  brand: string;
  last4: string;
  items: OrderItemDto[];
  shippingAddress: ShippingAddress;
  createdAt: string;
}

/** Staff view (GET /admin/orders): the same, plus whose order it is. Never any card data beyond brand and last4. */
export interface AdminOrderDto extends OrderDto {
  userId: string;
}
