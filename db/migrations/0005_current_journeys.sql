ALTER TABLE "journeys" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
-- Journeys that are no longer their candidate's current one (moved to another programme).
UPDATE "journeys" j SET "superseded_at" = coalesce(j."closed_at", j."updated_at")
FROM "candidates" c WHERE c."id" = j."candidate_id" AND c."current_journey_id" IS DISTINCT FROM j."id";--> statement-breakpoint
CREATE INDEX "journeys_current_idx" ON "journeys" USING btree ("programme","status","stage") WHERE "journeys"."superseded_at" is null;