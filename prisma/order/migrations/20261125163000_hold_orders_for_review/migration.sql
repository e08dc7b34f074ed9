-- Layer 6 response: the monitor can hold a paid order for a security review
-- (an unusual purchase), and support releases it. Written by hand: migrate dev
-- needs the network here. Equivalent to what Prisma generates.

-- AlterEnum
ALTER TYPE "order_status" ADD VALUE 'held_for_review';

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "held_at" TIMESTAMPTZ(3),
ADD COLUMN "hold_reason" VARCHAR(200);
