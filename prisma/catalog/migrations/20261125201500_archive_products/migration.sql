-- Archiving withdraws a product from sale without deleting it: reservation_item rows
-- (past orders) keep their foreign key to it, and a catalog manager can restore it.
-- NULL means on sale, so every existing product stays on sale.
ALTER TABLE "product" ADD COLUMN "archived_at" TIMESTAMPTZ(3);
