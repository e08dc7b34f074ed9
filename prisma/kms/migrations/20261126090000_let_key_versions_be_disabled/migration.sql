-- A key version can be disabled (an emulator extension, TrentService.DisableKeyVersion), to prove after a
-- rewrap that no stored ciphertext still needs it. Existing versions stay enabled.
ALTER TABLE "key_versions" ADD COLUMN "enabled" BOOLEAN NOT NULL DEFAULT true;
