/** The reservation the order service prices its charge from (POST /internal/reservations → 201). */
export interface ReservationDto {
  orderId: string;
  items: Array<{ productId: string; name: string; unitPriceCents: number; quantity: number }>;
  totalCents: number;
  currency: string;
}
