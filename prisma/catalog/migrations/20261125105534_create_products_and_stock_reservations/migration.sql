-- CreateEnum
CREATE TYPE "reservation_status" AS ENUM ('reserved', 'released');

-- CreateTable
CREATE TABLE "product" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(120) NOT NULL,
    "description" VARCHAR(1000) NOT NULL,
    "category" VARCHAR(40) NOT NULL,
    "price_cents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "stock" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reservation" (
    "order_id" UUID NOT NULL,
    "status" "reservation_status" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reservation_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "reservation_item" (
    "order_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_cents" INTEGER NOT NULL,

    CONSTRAINT "reservation_item_pkey" PRIMARY KEY ("order_id","product_id")
);

-- CreateIndex
CREATE INDEX "product_name_id_idx" ON "product"("name", "id");

-- CreateIndex
CREATE INDEX "product_category_idx" ON "product"("category");

-- CreateIndex
CREATE INDEX "reservation_item_product_id_idx" ON "reservation_item"("product_id");

-- AddForeignKey
ALTER TABLE "reservation_item" ADD CONSTRAINT "reservation_item_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "reservation"("order_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservation_item" ADD CONSTRAINT "reservation_item_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Added by hand before this migration was first applied (Prisma cannot express CHECK constraints).
-- The database itself refuses negative stock: even a bug in the reservation code cannot oversell.
ALTER TABLE "product" ADD CONSTRAINT "product_stock_not_negative" CHECK ("stock" >= 0);
ALTER TABLE "product" ADD CONSTRAINT "product_price_positive" CHECK ("price_cents" > 0);
ALTER TABLE "product" ADD CONSTRAINT "product_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "reservation_item" ADD CONSTRAINT "reservation_item_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "reservation_item" ADD CONSTRAINT "reservation_item_price_positive" CHECK ("unit_price_cents" > 0);
