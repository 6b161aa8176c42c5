// Keyset cursors for every paged list (candidates, board columns): an opaque (time, uuid) pair.
// Decoding accepts only what encodeCursor writes — a real uuid and a toISOString() date PostgreSQL
// can store (years 0001–9999) — so a forged cursor is a 400, never a database error.
import { AppError } from '../errors.js';

export const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(at.getTime()) || !/^(?!0000)[0-9]{4}-/.test(iso ?? '') || at.toISOString() !== iso) {
    throw new AppError('invalid_query', 'cursor: not a cursor this list returned', { field: 'cursor' });
  }
  return { at, id };
}
