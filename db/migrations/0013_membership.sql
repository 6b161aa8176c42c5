CREATE TABLE "compliance_items" (
	"membership_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"item" text NOT NULL,
	"status" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date,
	"since" timestamp with time zone NOT NULL,
	"renewed_on" date,
	"evidence" jsonb,
	"roles" text[] NOT NULL,
	CONSTRAINT "compliance_items_membership_id_item_pk" PRIMARY KEY("membership_id","item")
);
--> statement-breakpoint
CREATE TABLE "membership_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"membership_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"machine_version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"version" integer NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"bookable" boolean NOT NULL,
	"unbookable_since" timestamp with time zone,
	"hired_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_items" ADD CONSTRAINT "compliance_items_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_items_candidate_idx" ON "compliance_items" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "compliance_items_due_idx" ON "compliance_items" USING btree ("due_on","status") WHERE "compliance_items"."due_on" is not null;--> statement-breakpoint
CREATE INDEX "compliance_items_status_idx" ON "compliance_items" USING btree ("status","item","owner");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_events_seq_idx" ON "membership_events" USING btree ("membership_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_candidate_idx" ON "memberships" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "memberships_status_idx" ON "memberships" USING btree ("status");