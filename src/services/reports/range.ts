// What every report shares: a range of whole months (UK time, as NHS England reports them), the
// programmes it covers, and reading raw rows from either driver.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Programme } from '../../../workflows/types.js';

/** `YYYY-MM`, both ends included. */
export interface ReportRange { from: string; to: string }
export interface ReportParams extends ReportRange { programmes: readonly Programme[] }

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The 8-week target NHS England measures time to hire against. */
export const TARGET_DAYS = 56;
const REPORT_TZ = 'Europe/London';

/** `YYYY-MM` plus `n` months (negative goes back). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The month `at` falls in, in UK time. */
export function monthOf(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: REPORT_TZ, year: 'numeric', month: '2-digit' }).formatToParts(at);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

/** Every month of the range, in order. */
export function monthsOf(range: ReportRange): string[] {
  const months: string[] = [];
  for (let m = range.from; m <= range.to && months.length < 1200; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** `Mar 2026` */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 15)).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The zone as an SQL literal (a constant, so grouping on an expression that uses it matches). */
const ukZone = sql.raw(`'${REPORT_TZ}'`);

/**
 * When a history event happened: its `occurredOn` when it was recorded on a later day (midday UTC
 * of that day, as the machines count it: workflows/when.ts), else the moment it was recorded.
 */
export const happenedSql = (e: SQL) => sql`(case
  when ${e}.payload ? 'occurredOn' and (${e}.payload->>'occurredOn')::date < (${e}.at at time zone ${ukZone})::date
  then ((${e}.payload->>'occurredOn')::date + time '12:00') at time zone 'UTC'
  else ${e}.at end)`;

/** `YYYY-MM` of a timestamptz expression, in UK time. */
export const monthSql = (at: SQL) => sql`to_char(${at} at time zone ${ukZone}, 'YYYY-MM')`;

/** The range's bounds as instants: midnight UK time on the 1st of `from`, and of the month after `to`. */
export function bounds(range: ReportRange): { start: SQL; end: SQL } {
  return {
    start: sql`(${`${range.from}-01 00:00:00`}::timestamp at time zone ${ukZone})`,
    end: sql`(${`${addMonths(range.to, 1)}-01 00:00:00`}::timestamp at time zone ${ukZone})`,
  };
}

/** `column in ('domestic', …)` for the programmes asked for (never empty: callers pass at least one). */
export function inProgrammes(column: SQL, programmes: readonly string[]): SQL {
  if (programmes.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(programmes.map((p) => sql`${p}`), sql`, `)})`;
}

/** Rows in the order the programmes were asked for; null (every programme together) last. */
export const programmeOrder = (programmes: readonly string[], p: string | null) => (p === null ? programmes.length : programmes.indexOf(p));

/** Rows of a raw query: PGlite answers `{ rows }`, postgres.js an array. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return ((result as unknown as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])) as T[];
}

/** Days to one decimal place (the precision every report shows). */
export const days1 = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
