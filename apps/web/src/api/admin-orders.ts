import { normalizeOrder, type Order } from './orders';
import { stepUpRequest } from './step-up';

/** An order as support sees it: the owner's id, and of the card only the brand and last four digits. */
export interface StaffOrder extends Order {
  userId: string;
}

/** Recent orders of every customer (support and admin; a staff action, so a stale second factor triggers the step-up prompt). */
export async function listAllOrders(signal?: AbortSignal): Promise<StaffOrder[]> {
  const raw = await stepUpRequest<{ items?: unknown[] }>('/api/admin/orders', { signal });
  return (Array.isArray(raw?.items) ? raw.items : []).map((item) => {
    const userId = typeof item === 'object' && item !== null && typeof (item as { userId?: unknown }).userId === 'string' ? (item as { userId: string }).userId : '';
    return { ...normalizeOrder(item), userId };
  });
}
