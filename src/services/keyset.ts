// Keyset cursors for every paged list (candidates, board columns, history, emails, jobs,
// webhook deliveries): an opaque (time, id) pair. Decoding accepts only what encodeCursor writes —
// an id of the list's kind and a toISOString() date PostgreSQL can store (years 0001–9999) — so
// a forged cursor is a 400, never a database error.
import { AppError } from '../errors.js';

export const encodeCursor = (at: Date, id: string | number) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

const ids = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  /** A bigserial, within JavaScript's safe integers. */
  serial: /^[1-9][0-9]{0,14}$/,
  /** A job key (printable, no separator). */
  key: /^[\x21-\x7b\x7d\x7e]{1,300}$/,
} as const;

export function decodeCursor(cursor: string, kind: keyof typeof ids = 'uuid'): { at: Date; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const split = text.indexOf('|');
  const iso = split < 0 ? '' : text.slice(0, split);
  const id = split < 0 ? '' : text.slice(split + 1);
  const at = new Date(iso);
  if (!ids[kind].test(id) || Number.isNaN(at.getTime()) || !/^(?!0000)[0-9]{4}-/.test(iso) || at.toISOString() !== iso) {
    throw new AppError('invalid_query', 'cursor: not a cursor this list returned', { field: 'cursor' });
  }
  return { at, id };
}

/** A page of `limit` from rows read with limit + 1: the next cursor when there is more. */
export function page<T>(rows: T[], limit: number, cursorOf: (last: T) => string): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
