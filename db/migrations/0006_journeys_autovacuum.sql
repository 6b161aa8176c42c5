-- journeys is updated by every event. The pipeline counts and the board read it by index-only
-- scans, which stay index-only while the visibility map is current: vacuum after 2% of rows
-- change rather than 20% (at 100,000 journeys, 2,000 rather than 20,000 changed rows), and
-- leave 10% of each page free so that an event that keeps the stage (most check steps) can
-- update its row in place (a HOT update, no new index entries).
ALTER TABLE "journeys" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05, fillfactor = 90);
