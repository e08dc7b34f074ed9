-- CreateTable
CREATE TABLE "cards" (
    "token" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "pan_ciphertext" BYTEA NOT NULL,
    "pan_iv" BYTEA NOT NULL,
    "pan_tag" BYTEA NOT NULL,
    "wrapped_data_key" BYTEA NOT NULL,
    "kms_key_id" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "last4" CHAR(4) NOT NULL,
    "exp_month" SMALLINT NOT NULL,
    "exp_year" SMALLINT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cards_pkey" PRIMARY KEY ("token")
);

-- CreateTable
CREATE TABLE "charges" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "card_token" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL,
    "decline_code" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "charges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cards_user_id_idx" ON "cards"("user_id");

-- CreateIndex
CREATE INDEX "cards_fingerprint_idx" ON "cards"("fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "charges_order_id_key" ON "charges"("order_id");

-- CreateIndex
CREATE INDEX "charges_card_token_idx" ON "charges"("card_token");

-- AddForeignKey
ALTER TABLE "charges" ADD CONSTRAINT "charges_card_token_fkey" FOREIGN KEY ("card_token") REFERENCES "cards"("token") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written CHECK constraints (Prisma cannot express them), added before
-- this migration was first applied. The database itself refuses rows that
-- could only come from a bug: a malformed token, a short GCM IV or tag, a
-- non-digit last4, an amount out of range, a status we do not know.
ALTER TABLE "cards" ADD CONSTRAINT "cards_token_format" CHECK ("token" ~ '^tok_[A-Za-z0-9]{24}$');
ALTER TABLE "cards" ADD CONSTRAINT "cards_pan_iv_is_12_bytes" CHECK (octet_length("pan_iv") = 12);
ALTER TABLE "cards" ADD CONSTRAINT "cards_pan_tag_is_16_bytes" CHECK (octet_length("pan_tag") = 16);
ALTER TABLE "cards" ADD CONSTRAINT "cards_last4_digits" CHECK ("last4" ~ '^[0-9]{4}$');
ALTER TABLE "cards" ADD CONSTRAINT "cards_exp_month_range" CHECK ("exp_month" BETWEEN 1 AND 12);
ALTER TABLE "cards" ADD CONSTRAINT "cards_exp_year_range" CHECK ("exp_year" BETWEEN 1000 AND 9999);
ALTER TABLE "cards" ADD CONSTRAINT "cards_fingerprint_hex" CHECK ("fingerprint" ~ '^[0-9a-f]{64}$');
ALTER TABLE "charges" ADD CONSTRAINT "charges_amount_cents_range" CHECK ("amount_cents" BETWEEN 1 AND 10000000);
ALTER TABLE "charges" ADD CONSTRAINT "charges_currency_format" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "charges" ADD CONSTRAINT "charges_status_known" CHECK (
  ("status" = 'approved' AND "decline_code" IS NULL) OR ("status" = 'declined' AND "decline_code" IS NOT NULL)
);
