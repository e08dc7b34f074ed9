-- CreateTable
CREATE TABLE "security_event" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "correlation_id" TEXT,
    "actor_user_id" UUID,
    "actor_email" TEXT,
    "source_ip" TEXT,
    "source_user_agent" TEXT,
    "outcome" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "security_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "subjects" TEXT[],
    "event_ids" UUID[],
    "window_ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'open',

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "prev_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "security_event_type_actor_email_occurred_at_idx" ON "security_event"("type", "actor_email", "occurred_at");

-- CreateIndex
CREATE INDEX "security_event_type_source_ip_occurred_at_idx" ON "security_event"("type", "source_ip", "occurred_at");

-- CreateIndex
CREATE INDEX "security_event_occurred_at_idx" ON "security_event"("occurred_at");

-- CreateIndex
CREATE INDEX "alert_rule_window_ends_at_idx" ON "alert"("rule", "window_ends_at");

-- CreateIndex
CREATE INDEX "alert_created_at_idx" ON "alert"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_hash_key" ON "audit_entry"("hash");

-- Hand-written (Prisma cannot express these), added before this migration was first applied.
-- NOTE: the migration runner (@prisma/adapter-pg executeScript) splits this file on every semicolon,
-- even inside comments and function bodies, so no semicolon may appear except between statements.

-- Closed vocabularies: a bug that writes an unknown value fails loudly instead of hiding from queries.
ALTER TABLE "security_event" ADD CONSTRAINT "security_event_outcome_check" CHECK ("outcome" IN ('success', 'failure', 'blocked'));
ALTER TABLE "alert" ADD CONSTRAINT "alert_severity_check" CHECK ("severity" IN ('low', 'medium', 'high', 'critical'));
ALTER TABLE "alert" ADD CONSTRAINT "alert_status_check" CHECK ("status" IN ('open', 'acknowledged', 'closed'));
ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_hash_check" CHECK ("hash" ~ '^[0-9a-f]{64}$' AND "prev_hash" ~ '^[0-9a-f]{64}$');

-- The audit log is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE.
-- Whoever can drop this trigger can still rewrite rows, and the HMAC hash chain
-- (GET /admin/audit/verify) is what detects that.
-- The body spells its one semicolon as the escape \x3B because of the splitting described above.
CREATE FUNCTION "audit_entry_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''audit_entry is append-only (% refused)'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3B END';

CREATE TRIGGER "audit_entry_append_only"
  BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_refuse_change"();

CREATE TRIGGER "audit_entry_no_truncate"
  BEFORE TRUNCATE ON "audit_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_refuse_change"();
