-- Hand-written. What the monitor did (or tried) about an alert: lock an account, block a source at the edge,
-- hold an order. One JSON object per response, so a new kind of response needs no migration.
ALTER TABLE "alert" ADD COLUMN "responses" JSONB NOT NULL DEFAULT '[]'::jsonb;

-- Lets the staff API list recent alerts of one severity without a scan.
CREATE INDEX "alert_severity_created_at_idx" ON "alert"("severity", "created_at");

-- The per-user rules (velocity, unusual purchase, impossible travel) look events up by account id.
CREATE INDEX "security_event_type_actor_user_id_occurred_at_idx" ON "security_event"("type", "actor_user_id", "occurred_at");
