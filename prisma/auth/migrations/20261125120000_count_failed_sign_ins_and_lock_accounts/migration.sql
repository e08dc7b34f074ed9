-- Failed sign-in tracking per account (PCI DSS v4 8.3.4): a counter, the time of
-- the last failure and the end of the lock. Written by hand because migrate dev
-- stops early here, equivalent to what Prisma generates for the schema change.
-- The CHECK keeps the counter meaningful (Prisma cannot express it).

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "failed_login_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "last_failed_login_at" TIMESTAMPTZ(3),
ADD COLUMN     "locked_until" TIMESTAMPTZ(3);

ALTER TABLE "users" ADD CONSTRAINT "users_failed_login_count_not_negative" CHECK ("failed_login_count" >= 0);
