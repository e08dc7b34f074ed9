/** Bounds shared by the create and update DTOs; the column sizes are in prisma/catalog/schema.prisma. */
export const PRODUCT_LIMITS = {
  nameLength: 120,
  descriptionLength: 1000,
  categoryLength: 40,
  // 100,000.00 in cents: a typo (an extra zero or two) is refused rather than published.
  maxPriceCents: 10_000_000,
  maxStock: 1_000_000,
} as const;
