// The cohort milestone table as CSV, written by the one CSV writer (src/services/csv.ts: RFC 4180,
// formula-like cells defused).
import { toCsv } from '../csv.js';
import type { MemberRow } from './milestones.js';

const attempts = (list: { date: string; passed: boolean }[]) => list.map((a) => `${a.date} ${a.passed ? 'passed' : 'failed'}`).join('; ');

const csvHeader = [
  'Candidate', 'Email', 'Profession', 'Stage', 'Status', 'English test', 'English test date', 'English expires',
  'CBT attempts', 'Decision letter', 'CoS assigned', 'Visa applied', 'Visa granted', 'Flight date', 'Arrived',
  'OSCE booked', 'OSCE centre', 'OSCE attempts', 'PIN issued', 'PIN', 'Warnings',
];

/** The milestone table, one row per member, with a header row. */
export function cohortCsv(rows: MemberRow[], stageLabel: (stage: string) => string): string {
  return toCsv(csvHeader, rows.map((r) => {
    const m = r.milestones;
    return [
      r.fullName, r.email, r.profession, stageLabel(r.stage), r.status,
      m.english?.type, m.english?.date, m.english?.expiresOn,
      attempts(m.cbt), m.decisionLetter, m.cos, m.visa.applied, m.visa.granted, m.travel?.flightDate, m.arrivedAt?.slice(0, 10),
      m.osce.booked?.date, m.osce.booked?.centre ?? m.osce.sittings.at(-1)?.centre, attempts(m.osce.attempts), m.pin?.date, m.pin?.number,
      r.warnings.map((w) => w.message).join(' | '),
    ];
  }));
}
