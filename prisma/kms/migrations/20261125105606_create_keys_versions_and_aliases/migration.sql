-- CreateTable
CREATE TABLE "keys" (
    "id" UUID NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "current_version" INTEGER NOT NULL,
    "rotation_enabled" BOOLEAN NOT NULL DEFAULT false,
    "rotation_period_days" INTEGER,
    "next_rotation_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "key_versions" (
    "key_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "wrapped_material" BYTEA NOT NULL,
    "iv" BYTEA NOT NULL,
    "tag" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "key_versions_pkey" PRIMARY KEY ("key_id","version")
);

-- CreateTable
CREATE TABLE "aliases" (
    "name" TEXT NOT NULL,
    "target_key_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "aliases_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "aliases_target_key_id_idx" ON "aliases"("target_key_id");

-- AddForeignKey
ALTER TABLE "key_versions" ADD CONSTRAINT "key_versions_key_id_fkey" FOREIGN KEY ("key_id") REFERENCES "keys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aliases" ADD CONSTRAINT "aliases_target_key_id_fkey" FOREIGN KEY ("target_key_id") REFERENCES "keys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written CHECK constraints (Prisma cannot express them), added before
-- this migration was first applied. They make malformed key material or
-- aliases impossible to store, whatever the application does.
ALTER TABLE "keys" ADD CONSTRAINT "keys_current_version_positive" CHECK ("current_version" >= 1);
ALTER TABLE "keys" ADD CONSTRAINT "keys_rotation_period_in_aws_range" CHECK ("rotation_period_days" IS NULL OR "rotation_period_days" BETWEEN 90 AND 2560);
ALTER TABLE "key_versions" ADD CONSTRAINT "key_versions_version_positive" CHECK ("version" >= 1);
-- 32-byte AES-256 material, 12-byte GCM IV, 16-byte GCM tag.
ALTER TABLE "key_versions" ADD CONSTRAINT "key_versions_wrapped_material_is_32_bytes" CHECK (octet_length("wrapped_material") = 32);
ALTER TABLE "key_versions" ADD CONSTRAINT "key_versions_iv_is_12_bytes" CHECK (octet_length("iv") = 12);
ALTER TABLE "key_versions" ADD CONSTRAINT "key_versions_tag_is_16_bytes" CHECK (octet_length("tag") = 16);
ALTER TABLE "aliases" ADD CONSTRAINT "aliases_name_format" CHECK ("name" ~ '^alias/[A-Za-z0-9/_-]{1,250}$' AND "name" NOT LIKE 'alias/aws/%');
