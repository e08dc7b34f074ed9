-- Each card records which generation of the KMS master key (its KeyMaterialId) wrapped its data key,
-- so after a rotation the rewrap job can find the rows still under an older generation.
-- Rows written before this column existed stay NULL and are treated as needing a rewrap.
ALTER TABLE "cards" ADD COLUMN "kms_key_material_id" TEXT;

-- CreateIndex
CREATE INDEX "cards_kms_key_material_id_idx" ON "cards"("kms_key_material_id");
