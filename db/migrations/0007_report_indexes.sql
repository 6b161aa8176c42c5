DROP INDEX "journey_events_type_idx";--> statement-breakpoint
CREATE INDEX "journey_events_stage_changes_idx" ON "journey_events" USING btree ("journey_id","to_stage") WHERE "journey_events"."from_stage" is distinct from "journey_events"."to_stage";--> statement-breakpoint
CREATE INDEX "journey_events_type_idx" ON "journey_events" USING btree ("type","at","journey_id");