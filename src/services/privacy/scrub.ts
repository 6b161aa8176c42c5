// What of a journey may stay once its person is erased: pure functions over the persisted
// snapshot and the history payloads. The rule for history is an allow-list, not a deny-list: a
// field added to an event later is erased until someone decides it is safe to keep, so a new
// free-text field can never leak past an erasure.

export const ERASED = '[erased]';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * History payload fields kept after erasure: ids, enums, booleans, numbers and dates that keep the
 * statistics (funnels, durations, scores, attempts) but name no one. Everything else — reasons,
 * notes, questions, places, people, document and reference numbers, DBS, health and immigration
 * details — goes.
 */
const keptPayloadFields = new Set([
  'programme', 'profession', 'redirectedFrom', 'careExperienceMonths', 'substantive', 'body', 'licenceToPractise',
  'interviewAt', 'assessmentAt', 'scores', 'valueScores', 'literacyScore', 'numeracyScore',
  'band', 'startDate', 'module', 'completedOn', 'standard', 'date', 'issuedOn', 'validFrom', 'validUntil', 'flightDate', 'effectiveFrom',
  'datesConfirmed', 'roleConfirmed', 'yearsCovered', 'gapsExplained', 'seenInPerson', 'method',
  'yearsQualified', 'overall', 'listening', 'reading', 'writing', 'speaking',
  'daysAttended', 'daysCompleted', 'hoursWorked', 'weeklyHoursAvailable', 'sharesNhsValues', 'rightToWork',
  'erased', 'dbsCertificatePurgedAt',
]);

/** Snapshot context fields that hold free text or identifying values, by the object that holds them. */
const contextFields: Record<string, string[]> = {
  registration: ['number'], interview: ['location'], firstShift: ['ward'], exit: ['reason'],
  osceBooking: ['centre'], induction: ['venue'], supervisedPractice: ['ward'], traineeship: ['signedOffBy'],
  waiverRequest: ['reason'],
};

const PSEUDONYM = /^referee-(\d+)@erased\.invalid$/;

/**
 * Referees of one journey get stable pseudonyms, so the snapshot (whose guards match
 * `referencesReceived` against `referees[].email`) and the history still agree with each other.
 * Values that are already pseudonyms keep their number: erasing twice changes nothing.
 */
export class RefereePseudonyms {
  private readonly numbers = new Map<string, number>();

  constructor(emails: Iterable<string>) {
    const all = [...emails].map((e) => e.toLowerCase());
    for (const e of all) {
      const n = PSEUDONYM.exec(e)?.[1];
      if (n) this.numbers.set(e, Number(n));
    }
    let next = Math.max(0, ...this.numbers.values());
    for (const e of all) if (!this.numbers.has(e)) this.numbers.set(e, ++next);
  }

  private number(address: string): number {
    const key = address.toLowerCase();
    if (!this.numbers.has(key)) this.numbers.set(key, Math.max(0, ...this.numbers.values()) + 1);
    return this.numbers.get(key)!;
  }

  email(address: string): string { return `referee-${this.number(address)}@erased.invalid`; }
  name(address: string): string { return `Referee ${this.number(address)}`; }

  referee(value: unknown): unknown {
    if (!isRecord(value) || typeof value.email !== 'string') return value;
    return { name: this.name(value.email), email: this.email(value.email), organisation: ERASED, relationship: value.relationship };
  }
}

/** Every referee email a snapshot or a payload mentions, in order (to number them). */
export function refereeEmails(values: unknown[]): string[] {
  const found: string[] = [];
  for (const v of values) {
    if (!isRecord(v)) continue;
    const ctx = isRecord(v.context) ? v.context : v;
    if (Array.isArray(ctx.referees)) for (const r of ctx.referees) if (isRecord(r) && typeof r.email === 'string') found.push(r.email);
    if (Array.isArray(ctx.referencesReceived)) for (const e of ctx.referencesReceived) if (typeof e === 'string') found.push(e);
    if (typeof v.refereeEmail === 'string') found.push(v.refereeEmail);
  }
  return found;
}

/**
 * A last line of defence: any string still containing the person's name, email, phone or
 * postcode is replaced. Short values are not used as needles (a 2-letter match is noise).
 */
function redact(value: unknown, needles: readonly string[]): unknown {
  if (!needles.length) return value;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    return needles.some((n) => lower.includes(n)) ? ERASED : value;
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, needles));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, needles)]));
  return value;
}

export const needlesOf = (person: { fullName: string; email: string; phone: string | null; postcode: string | null }): string[] =>
  [person.fullName, person.email, person.phone, person.postcode]
    .filter((s): s is string => typeof s === 'string' && s.trim().length >= 4)
    .map((s) => s.trim().toLowerCase());

/** A history payload with only its kept fields, referees pseudonymised, and `erased: true` if anything went. */
export function scrubPayload(payload: unknown, referees: RefereePseudonyms, needles: readonly string[]): Json {
  const source = isRecord(payload) ? payload : {};
  const out: Json = {};
  let removed = false;
  for (const [key, value] of Object.entries(source)) {
    if (key === 'referees' && Array.isArray(value)) out.referees = value.map((r) => referees.referee(r));
    else if (key === 'refereeEmail' && typeof value === 'string') out.refereeEmail = referees.email(value);
    else if (keptPayloadFields.has(key)) out[key] = value;
    else removed = true;
  }
  if (removed) out.erased = true;
  return redact(out, needles) as Json;
}

/**
 * The persisted snapshot with personal and free-text context replaced by placeholders of the
 * same type: state value, history and structure are untouched, so `machine.resolveState` loads it.
 */
export function scrubSnapshot(snapshot: unknown, referees: RefereePseudonyms, needles: readonly string[]): unknown {
  if (!isRecord(snapshot) || !isRecord(snapshot.context)) return snapshot;
  const ctx: Json = { ...snapshot.context };
  if (Array.isArray(ctx.referees)) ctx.referees = ctx.referees.map((r) => referees.referee(r));
  if (Array.isArray(ctx.referencesReceived)) ctx.referencesReceived = ctx.referencesReceived.map((e) => (typeof e === 'string' ? referees.email(e) : e));
  for (const [holder, fields] of Object.entries(contextFields)) {
    const inner = ctx[holder];
    if (!isRecord(inner)) continue;
    ctx[holder] = { ...inner, ...Object.fromEntries(fields.filter((f) => typeof inner[f] === 'string').map((f) => [f, ERASED])) };
  }
  if (Array.isArray(ctx.waivers)) ctx.waivers = ctx.waivers.map((w) => (isRecord(w) ? { ...w, approvedBy: ERASED, reason: ERASED } : w));
  // The references' coverage keeps its dates (the rules read them) but not the gaps' explanations;
  // a concern keeps its reasons (fixed words) but not who decided or why, and its referee is a pseudonym.
  if (isRecord(ctx.referenceCoverage) && Array.isArray(ctx.referenceCoverage.gaps)) {
    ctx.referenceCoverage = { ...ctx.referenceCoverage, gaps: ctx.referenceCoverage.gaps.map((g) => (isRecord(g) ? { ...g, explanation: ERASED } : g)) };
  }
  if (Array.isArray(ctx.referenceConcerns)) {
    ctx.referenceConcerns = ctx.referenceConcerns.map((c) => (isRecord(c) ? {
      ...c, ...(typeof c.email === 'string' ? { email: referees.email(c.email) } : {}),
      ...(isRecord(c.decision) ? { decision: { ...c.decision, decidedBy: ERASED, decidedByRole: ERASED, reason: ERASED } } : {}),
    } : c));
  }
  return { ...snapshot, context: redact(ctx, needles) };
}
