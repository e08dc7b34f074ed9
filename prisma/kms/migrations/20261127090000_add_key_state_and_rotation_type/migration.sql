-- Key states for ScheduleKeyDeletion, CancelKeyDeletion, EnableKey and DisableKey, and the kind of each
-- rotation for ListKeyRotations. Existing keys stay Enabled. Versions made before this migration keep a
-- NULL rotation type because nobody recorded whether the schedule or an operator made them.
CREATE TYPE "KeyState" AS ENUM ('Enabled', 'Disabled', 'PendingDeletion');
CREATE TYPE "RotationType" AS ENUM ('AUTOMATIC', 'ON_DEMAND');

ALTER TABLE "keys" ADD COLUMN "key_state" "KeyState" NOT NULL DEFAULT 'Enabled',
  ADD COLUMN "deletion_date" TIMESTAMPTZ(3),
  ADD COLUMN "pending_window_days" INTEGER;

-- A deletion date and its window exist exactly while the key is pending deletion, and the window is AWS's 7 to 30 days.
ALTER TABLE "keys" ADD CONSTRAINT "keys_deletion_date_iff_pending" CHECK (("key_state" = 'PendingDeletion') = ("deletion_date" IS NOT NULL));
ALTER TABLE "keys" ADD CONSTRAINT "keys_pending_window_iff_pending" CHECK (("key_state" = 'PendingDeletion') = ("pending_window_days" IS NOT NULL));
ALTER TABLE "keys" ADD CONSTRAINT "keys_pending_window_in_aws_range" CHECK ("pending_window_days" IS NULL OR "pending_window_days" BETWEEN 7 AND 30);

ALTER TABLE "key_versions" ADD COLUMN "rotation_type" "RotationType";
-- Version 1 is the key's creation, never a rotation.
ALTER TABLE "key_versions" ADD CONSTRAINT "key_versions_first_is_not_a_rotation" CHECK ("version" > 1 OR "rotation_type" IS NULL);
