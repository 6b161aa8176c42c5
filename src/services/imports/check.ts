// The dry run of an import: every row of the CSV checked as POST /api/candidates would check it
// (the same schema, passed in by the route), against the caller's permission for its programme,
// and for duplicates — by email, phone and registration number, within the file (the first row
// wins) and against existing candidates. Problems are reported by the line a row starts on.
import type { z } from 'zod';
import type { DbOrTx } from '../../../db/client.js';
import { allows } from '../../auth/permissions.js';
import type { StaffPrincipal } from '../../auth/principal.js';
import { AppError } from '../../errors.js';
import type { CreateCandidateParams } from '../candidates/create.js';
import { type ColumnMap, mapColumns, rowFields } from './columns.js';
import { decodeCsv, parseCsv } from './csv.js';
import { type MatchKind, existingCandidates, firstMatch, matchWords } from './duplicates.js';

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportProblem {
  line: number; field: string | null; kind: 'error' | 'duplicate'; message: string;
  /** A duplicate of an existing candidate: which one. */
  candidateId?: string;
  /** A duplicate within the file: the line kept. */
  sameAsLine?: number;
}

export interface ImportReport {
  rows: number; ready: number; defaultProgramme: string | null;
  columns: { mapped: Record<string, string>; ignored: string[] };
  problems: ImportProblem[];
}

/** A row as kept until the import runs: the name (for the page) and, if it is ready, what to create. */
export interface StoredRow { line: number; fullName: string; candidate: CreateCandidateParams | null }

export type RowSchema = z.ZodType<CreateCandidateParams>;

function requireColumns(map: ColumnMap, defaultProgramme: string | undefined) {
  const missing = [
    map.fields.fullName === undefined && (map.fields.firstName === undefined || map.fields.lastName === undefined) ? 'name (or forename and surname)' : null,
    map.fields.email === undefined ? 'email' : null,
    map.fields.profession === undefined ? 'profession (or staff group, job title)' : null,
    map.fields.programme === undefined && !defaultProgramme ? 'programme (or choose one for the whole file)' : null,
  ].filter(Boolean);
  if (missing.length) throw new AppError('invalid_payload', `file: the first line must name the columns; missing ${missing.join(', ')}`, { field: 'file' });
}

export async function checkRows(db: DbOrTx, who: StaffPrincipal, bytes: Uint8Array, schema: RowSchema, defaultProgramme?: string): Promise<{ report: ImportReport; rows: StoredRow[] }> {
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('payload_too_large', `file: a CSV of at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split a larger one`, { field: 'file' });
  const [header, ...records] = parseCsv(decodeCsv(bytes));
  if (!header || !records.length) throw new AppError('invalid_payload', 'file: the CSV has no rows under its header line', { field: 'file' });
  if (records.length > MAX_IMPORT_ROWS) throw new AppError('invalid_payload', `file: at most ${MAX_IMPORT_ROWS} rows at a time; this one has ${records.length}`, { field: 'file' });
  const map = mapColumns(header.cells);
  requireColumns(map, defaultProgramme);

  const problems: ImportProblem[] = [];
  const rows: StoredRow[] = records.map(({ line, cells }) => {
    const { fields, unreadable } = rowFields(cells, map);
    if (unreadable.length) {
      for (const u of unreadable) problems.push({ line, field: u.field, kind: 'error', message: u.message });
      return { line, fullName: fields.fullName ?? '', candidate: null };
    }
    const parsed = schema.safeParse({ ...(defaultProgramme ? { programme: defaultProgramme } : {}), ...fields });
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push({ line, field: i.path.join('.') || null, kind: 'error', message: `${i.path.join('.') || 'row'}: ${i.message}` });
      return { line, fullName: fields.fullName ?? '', candidate: null };
    }
    if (!allows(who.role, 'candidates.create', parsed.data.programme)) {
      problems.push({ line, field: 'programme', kind: 'error', message: `programme: your role (${who.role}) may not add ${parsed.data.programme} candidates` });
      return { line, fullName: fields.fullName ?? '', candidate: null };
    }
    return { line, fullName: parsed.data.fullName, candidate: parsed.data };
  });

  // Within the file: the first row with a value keeps it; later ones are duplicates of that line.
  const seen: Record<MatchKind, Map<string, number>> = { email: new Map(), phone: new Map(), registrationNumber: new Map() };
  for (const row of rows) {
    const c = row.candidate;
    if (!c) continue;
    const values: [MatchKind, string | undefined][] = [['email', c.email.toLowerCase()], ['phone', c.phone], ['registrationNumber', c.registrationNumber]];
    const earlier = values.map(([kind, v]) => ({ kind, line: v === undefined ? undefined : seen[kind].get(v) })).find((m) => m.line !== undefined);
    if (earlier) {
      problems.push({ line: row.line, field: earlier.kind, kind: 'duplicate', message: `${matchWords[earlier.kind]} is the same as on line ${earlier.line}`, sameAsLine: earlier.line! });
      row.candidate = null;
      continue;
    }
    for (const [kind, v] of values) if (v !== undefined) seen[kind].set(v, row.line);
  }

  // Against the candidates already held.
  const ready = rows.filter((r) => r.candidate);
  const found = await existingCandidates(db, ready.map((r) => r.candidate!));
  for (const row of ready) {
    const match = firstMatch(row.candidate!, found);
    if (!match) continue;
    problems.push({ line: row.line, field: match.kind, kind: 'duplicate', message: `${matchWords[match.kind]} matches an existing candidate`, candidateId: match.candidateId });
    row.candidate = null;
  }

  problems.sort((a, b) => a.line - b.line);
  return {
    rows,
    report: {
      rows: rows.length, ready: rows.filter((r) => r.candidate).length, defaultProgramme: defaultProgramme ?? null,
      columns: { mapped: map.mapped, ignored: map.ignored }, problems,
    },
  };
}
