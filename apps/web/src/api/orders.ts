import { apiRequest, segment } from './http';
import { stepUpRequest } from './step-up';

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface OrderItem {
  productId: string;
  name: string;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
}

export interface Order {
  id: string;
  status: string;
  totalCents: number;
  currency: string;
  brand: string;
  last4: string;
  createdAt: string;
  items: OrderItem[];
}

// Used when an order response does not name its currency (the create response may not).
const DEFAULT_CURRENCY = 'USD';

export async function placeOrder(cardToken: string, shippingAddress: ShippingAddress, idempotencyKey: string): Promise<Order> {
  // Above the store's step-up amount the order needs a fresh second-factor proof: the helper asks for it and retries.
  const raw = await stepUpRequest<unknown>('/api/orders', {
    method: 'POST',
    body: { cardToken, shippingAddress },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return normalizeOrder(raw);
}

export async function listOrders(signal?: AbortSignal): Promise<Order[]> {
  const raw = await apiRequest<unknown>('/api/orders', { signal });
  const items = isRecord(raw) && Array.isArray(raw.items) ? raw.items : [];
  return items.map(normalizeOrder);
}

export async function getOrder(id: string, signal?: AbortSignal): Promise<Order> {
  return normalizeOrder(await apiRequest<unknown>(`/api/orders/${segment(id)}`, { signal }));
}

/**
 * One shape for the three order responses. The create response carries `total` while the
 * list and detail carry `totalCents`; items and brand may be absent. Missing fields get
 * empty values instead of crashing the page.
 */
export function normalizeOrder(raw: unknown): Order {
  const order = isRecord(raw) ? raw : {};
  const total = order.totalCents ?? order.total;
  const totalRecord = isRecord(total) ? total : null;
  return {
    id: text(order.id),
    status: text(order.status),
    totalCents: integer(totalRecord ? (totalRecord.amountCents ?? totalRecord.cents ?? totalRecord.totalCents) : total),
    currency: text(order.currency) || text(totalRecord?.currency) || DEFAULT_CURRENCY,
    brand: text(order.brand),
    last4: text(order.last4),
    createdAt: text(order.createdAt),
    items: Array.isArray(order.items) ? order.items.map(normalizeItem) : [],
  };
}

function normalizeItem(raw: unknown): OrderItem {
  const item = isRecord(raw) ? raw : {};
  const quantity = integer(item.quantity);
  const unitPriceCents = integer(item.unitPriceCents ?? item.priceCents);
  return {
    productId: text(item.productId),
    name: text(item.name),
    unitPriceCents,
    quantity,
    lineTotalCents: item.lineTotalCents === undefined ? unitPriceCents * quantity : integer(item.lineTotalCents),
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function integer(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
