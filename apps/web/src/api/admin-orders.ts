import { normalizeOrder, type Order } from './orders';
import { stepUpRequest } from './step-up';

/** An order as support sees it: the owner's id, and of the card only the brand and last four digits. */
export interface StaffOrder extends Order {
  userId: string;
}

/** Any customer's order by its id (support and admin); a missing one answers 404 ORDER_NOT_FOUND. */
export async function getStaffOrder(id: string, signal?: AbortSignal): Promise<StaffOrder> {
  const raw = await stepUpRequest<unknown>(`/api/admin/orders/${encodeURIComponent(id)}`, { signal });
  return toStaffOrder(raw);
}

function toStaffOrder(item: unknown): StaffOrder {
  const userId = typeof item === 'object' && item !== null && typeof (item as { userId?: unknown }).userId === 'string' ? (item as { userId: string }).userId : '';
  return { ...normalizeOrder(item), userId };
}
