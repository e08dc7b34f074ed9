/** True for Prisma's "unique constraint failed" (P2002), which is how a lost insert race shows up. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
