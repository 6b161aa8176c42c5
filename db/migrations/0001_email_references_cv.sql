CREATE TABLE "emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_key" text NOT NULL,
	"candidate_id" uuid,
	"journey_id" uuid,
	"template" text NOT NULL,
	"to_role" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"attachments" text,
	"transport" text NOT NULL,
	"status" text NOT NULL,
	"provider_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reference_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"referee_email" text NOT NULL,
	"referee_name" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"answers" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cv_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"status" text NOT NULL,
	"error_code" text,
	"error_detail" text,
	"pages" integer,
	"truncated" boolean DEFAULT false NOT NULL,
	"fields" jsonb,
	"reviewed" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"parsed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_requests" ADD CONSTRAINT "reference_requests_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cv_documents" ADD CONSTRAINT "cv_documents_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "emails_job_key_idx" ON "emails" USING btree ("job_key");--> statement-breakpoint
CREATE INDEX "emails_candidate_idx" ON "emails" USING btree ("candidate_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reference_requests_token_idx" ON "reference_requests" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "reference_requests_journey_idx" ON "reference_requests" USING btree ("journey_id");--> statement-breakpoint
CREATE INDEX "cv_documents_candidate_idx" ON "cv_documents" USING btree ("candidate_id","created_at");--> statement-breakpoint
CREATE INDEX "cv_documents_sha_idx" ON "cv_documents" USING btree ("sha256");