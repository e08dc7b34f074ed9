/** The caller's cart, priced by the catalog at the moment it is read. */
export interface CartDto {
  items: Array<{ productId: string; name: string; unitPriceCents: number; quantity: number; lineTotalCents: number }>;
  totalCents: number;
  currency: string;
}
