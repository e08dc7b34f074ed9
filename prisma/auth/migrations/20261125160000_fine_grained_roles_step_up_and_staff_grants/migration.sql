-- Layer 5: the five roles, step-up MFA and access reviews. Written by hand:
-- migrate dev needs the network here. Equivalent to what Prisma generates,
-- plus the data changes Prisma cannot express.

-- The role once called "security" is now "security-analyst", and catalog-manager is new: the
-- check on known roles is replaced around the rename (the old one would refuse the new name).
ALTER TABLE "users" DROP CONSTRAINT "users_roles_known";
UPDATE "users" SET "roles" = array_replace("roles", 'security', 'security-analyst');
ALTER TABLE "users" ADD CONSTRAINT "users_roles_known" CHECK (
  "roles" IS NOT NULL
  AND cardinality("roles") >= 1
  AND "roles" <@ ARRAY['customer', 'support', 'catalog-manager', 'security-analyst', 'admin']::TEXT[]
);

-- When the session last proved a second factor (TOTP, recovery code or
-- passkey): copied across refresh rotations and put in the access token as
-- mfa_at, so staff actions and large checkouts can ask for a fresh proof.
ALTER TABLE "refresh_sessions" ADD COLUMN "mfa_at" TIMESTAMPTZ(3);

-- CreateTable: one row per staff role given to a user. The access review
-- revokes grants whose last use is older than the review period.
CREATE TABLE "staff_grants" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "role" VARCHAR(32) NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "granted_by" VARCHAR(64) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" VARCHAR(64),

    CONSTRAINT "staff_grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable: one row per access review run, scheduled or started by an admin.
CREATE TABLE "access_reviews" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "trigger" VARCHAR(16) NOT NULL,
    "triggered_by" VARCHAR(64),
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "unused_after_days" INTEGER NOT NULL,
    "examined" INTEGER NOT NULL DEFAULT 0,
    "revoked" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "access_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "staff_grants_user_id_idx" ON "staff_grants"("user_id");

-- At most one live grant of a role per user (partial index, not expressible in the Prisma schema).
CREATE UNIQUE INDEX "staff_grants_one_live_grant" ON "staff_grants"("user_id", "role") WHERE "revoked_at" IS NULL;

-- AddForeignKey
ALTER TABLE "staff_grants" ADD CONSTRAINT "staff_grants_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every staff role held today becomes a grant, as if given now: the review period starts today.
INSERT INTO "staff_grants" ("user_id", "role", "granted_by")
SELECT "id", unnest("roles"), 'migration' FROM "users" WHERE "roles" && ARRAY['support', 'catalog-manager', 'security-analyst', 'admin']::TEXT[];
DELETE FROM "staff_grants" WHERE "role" NOT IN ('support', 'catalog-manager', 'security-analyst', 'admin');
