// The journey row as the engine reads and writes it. `xmin` (PostgreSQL's row version) changes
// with every write to the row, erasure included, so a change computed from a row read with it is
// written only if nothing has touched the row since (src/engine/commit.ts).
import { getTableColumns, sql } from 'drizzle-orm';
import { journeys } from '../../db/schema/index.js';

export type JourneyRow = typeof journeys.$inferSelect;
/** A journey row as read for a change. */
export type LoadedJourney = JourneyRow & { xmin: string };

/** The columns of a journey plus its xmin, for any select that feeds dispatch. */
export const loadedJourneyColumns = { ...getTableColumns(journeys), xmin: sql<string>`${journeys}.xmin::text`.as('journey_xmin') };
