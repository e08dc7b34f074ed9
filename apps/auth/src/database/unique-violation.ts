import { Prisma } from '../generated/prisma/client';

/** True when a write failed on a unique index (Prisma P2002), e.g. a second account for one email. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
