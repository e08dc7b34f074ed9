-- CreateEnum
CREATE TYPE "order_status" AS ENUM ('paid');

-- CreateEnum
CREATE TYPE "idempotency_state" AS ENUM ('in_progress', 'completed');

-- CreateTable
CREATE TABLE "cart_item" (
    "user_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cart_item_pkey" PRIMARY KEY ("user_id","product_id")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "status" "order_status" NOT NULL,
    "total_cents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "brand" VARCHAR(20) NOT NULL,
    "last4" CHAR(4) NOT NULL,
    "shipping_address" JSONB NOT NULL,
    "charge_id" VARCHAR(128) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_item" (
    "order_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "unit_price_cents" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "order_item_pkey" PRIMARY KEY ("order_id","product_id")
);

-- CreateTable
CREATE TABLE "idempotency_record" (
    "user_id" UUID NOT NULL,
    "key" VARCHAR(128) NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "state" "idempotency_state" NOT NULL,
    "order_id" UUID NOT NULL,
    "items" JSONB NOT NULL,
    "lease_expires_at" TIMESTAMPTZ(3),
    "response" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("user_id","key")
);

-- CreateIndex
CREATE INDEX "orders_user_id_created_at_idx" ON "orders"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "orders_created_at_idx" ON "orders"("created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_record_order_id_key" ON "idempotency_record"("order_id");

-- AddForeignKey
ALTER TABLE "order_item" ADD CONSTRAINT "order_item_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Added by hand before this migration was first applied (Prisma cannot express CHECK constraints).
-- Money is integer cents and never zero or negative, and a cart line holds 1..20 of a product.
ALTER TABLE "cart_item" ADD CONSTRAINT "cart_item_quantity_range" CHECK ("quantity" BETWEEN 1 AND 20);
ALTER TABLE "orders" ADD CONSTRAINT "orders_total_positive" CHECK ("total_cents" > 0);
ALTER TABLE "orders" ADD CONSTRAINT "orders_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "orders" ADD CONSTRAINT "orders_last4_digits" CHECK ("last4" ~ '^[0-9]{4}$');
ALTER TABLE "order_item" ADD CONSTRAINT "order_item_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "order_item" ADD CONSTRAINT "order_item_price_positive" CHECK ("unit_price_cents" > 0);
-- A completed checkout always has the response it replays.
ALTER TABLE "idempotency_record" ADD CONSTRAINT "idempotency_record_completed_has_response" CHECK ("state" <> 'completed' OR "response" IS NOT NULL);
