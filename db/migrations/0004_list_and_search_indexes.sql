-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "candidates_current_journey_idx" ON "candidates" USING btree ("current_journey_id");--> statement-breakpoint
CREATE INDEX "candidates_search_idx" ON "candidates" USING gin ("full_name" gin_trgm_ops,"email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "journeys_list_idx" ON "journeys" USING btree ("programme","stage","created_at","candidate_id");--> statement-breakpoint
CREATE INDEX "journeys_created_idx" ON "journeys" USING btree ("created_at","candidate_id");