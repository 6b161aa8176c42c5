// The history of a journey in words: who acted (a person's name, "referee Jane Doe", "automatic
// chaser, day 6"), what happened (the event's label), and the evidence in brief. Never a state
// id, an event type or an internal key.
import { eventCatalog } from '../../../workflows/events/index.js';
import type { HistoryEntry } from '../../services/candidates/history.js';
import { labelOf, optionLabel } from './field-words.js';
import { staffStageLabel } from '../words.js';

export interface HistoryNames {
  /** Staff user (or API token) id → name. */
  staff: Record<string, string>;
  /** Referee request id → referee name. */
  referees: Record<string, string>;
  /** Referee email → referee name (from the journey's referees). */
  refereeEmails: Record<string, string>;
  /** The policy's chase days: [chase 1, chase 2, chase 3, HR alert, give up]. */
  chaseDays: number[];
  candidateName: string;
}

/** The delay of a timer event (`xstate.after.<delay>.<state>`), as a person would say it. */
function timerWords(type: string, names: HistoryNames): { who: string; what: string } {
  const delay = type.split('.')[2] ?? '';
  const [d1, d2, d3, hr, d4] = names.chaseDays;
  const known: Record<string, { who: string; what: string }> = {
    referenceChase1: { who: `automatic chaser, day ${d1}`, what: 'Referees reminded' },
    referenceChase2: { who: `automatic chaser, day ${d2}`, what: 'Referees reminded; candidate and recruiter told' },
    referenceChase3: { who: `automatic chaser, day ${d3}`, what: 'Referees reminded again' },
    referenceHrAlert: { who: `automatic alert, day ${hr}`, what: 'The employer’s HR contact asked for the missing reference' },
    referenceGiveUp: { who: `automatic, day ${d4}`, what: 'Candidate asked for another referee' },
    offerReminder: { who: 'automatic reminder', what: 'Offer reminder sent to the candidate' },
    offerExpiry: { who: 'automatic deadline', what: 'The offer expired unanswered' },
    trainingTarget: { who: 'automatic deadline', what: 'Training target passed' },
  };
  return known[delay] ?? { who: 'automatic deadline', what: 'A deadline passed' };
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const day = (v: string) => new Date(`${v}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** One value in words: dates as dates, choices as their names, lists counted. */
export function valueWords(v: unknown): string {
  if (v === true) return 'yes';
  if (v === false) return 'no';
  if (isDate(v)) return day(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return new Date(v).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
  if (typeof v === 'string') return /^[a-z]+(_[a-z]+)+$|^[a-z]+$/.test(v) ? optionLabel(v) : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? v.map((x) => optionLabel(String(x))).join(', ') : `${v.length} item${v.length === 1 ? '' : 's'}`;
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${labelOf(k)} ${valueWords(x)}`).join(', ');
  return '';
}

/** The evidence of an event in brief: its fields in words (notes and people's emails kept out of the headline). */
export function evidenceBrief(payload: unknown, names: HistoryNames, at?: string): string {
  if (!payload || typeof payload !== 'object') return '';
  return Object.entries(payload as Record<string, unknown>)
    .filter(([k, v]) => v !== undefined && v !== null && v !== '' && k !== 'note' && !(k === 'occurredOn' && at && v === at.slice(0, 10)))
    .map(([k, v]) => {
      if (k === 'refereeEmail' && typeof v === 'string') return `referee ${names.refereeEmails[v.toLowerCase()] ?? v}`;
      if (k === 'referees' && Array.isArray(v)) return `referees ${v.map((r) => (r as { name?: string }).name).join(', ')}`;
      if (k === 'documents' && Array.isArray(v)) return `documents: ${v.map((d) => optionLabel(String((d as { kind?: string }).kind))).join(', ')}`;
      return `${labelOf(k).toLowerCase()}: ${valueWords(v)}`;
    }).join('; ');
}

export interface HistoryLine { at: string; who: string; what: string; detail: string; note?: string; stage?: string }

export function historyLines(history: HistoryEntry[], names: HistoryNames): HistoryLine[] {
  return history.map((h): HistoryLine => {
    const payload = (h.payload ?? {}) as Record<string, unknown>;
    const note = typeof payload.note === 'string' && payload.note ? { note: payload.note } : {};
    const stage = h.fromStage && h.fromStage !== h.toStage ? { stage: `${staffStageLabel(h.fromStage)} → ${staffStageLabel(h.toStage)}` } : {};
    if (h.type.startsWith('xstate.after')) return { at: h.at, ...timerWords(h.type, names), detail: '', ...stage };
    const who = h.actor.type === 'user' ? (h.actor.id ? names.staff[h.actor.id] ?? 'a member of staff' : 'a member of staff')
      : h.actor.type === 'referee' ? `referee ${h.actor.id ? names.referees[h.actor.id] ?? names.refereeEmails[String(payload.refereeEmail ?? '').toLowerCase()] ?? '' : ''}`.trim()
      : h.actor.type === 'applicant' ? `${names.candidateName} (the applicant)`
      : h.actor.type === 'import' ? 'import from a spreadsheet'
      : 'Intake, automatically';
    const what = eventCatalog[h.type]?.label ?? (h.type === 'applicationReceived' ? 'Applied' : 'Recorded');
    return { at: h.at, who, what, detail: evidenceBrief(payload, names, h.at), ...note, ...stage };
  });
}
