// What every panel of the candidate record is given: the candidate with their journey, the
// history, who is who, the time now, and what the member of staff may do. Panels are separate
// components (one file each) so other work can add its own with a one-line edit to the page.
import type { AllowedEvent } from '../../../../workflows/inspect.js';
import type { CandidateWithJourney } from '../../../services/candidates/get.js';
import type { HistoryEntry } from '../../../services/candidates/history.js';
import type { HistoryNames } from '../history-words.js';
import type { Typed } from './forms.js';

export interface RecordEmail { template: string; to: string; subject: string; status: string; createdAt: string; sentAt: string | null }

export interface RecordData {
  candidate: CandidateWithJourney;
  history: HistoryEntry[];
  emails: RecordEmail[];
  names: HistoryNames;
  now: Date;
  csrf: string;
  canAct: boolean;
  /** The DBS level the candidate's role needs (policy). */
  dbsLevelNeeded: string;
  retry?: { type: string; values: Typed } | undefined;
}

/** The events allowed now whose type starts with `prefix` (a check's own events). */
export const eventsOf = (d: RecordData, test: (type: string) => boolean): AllowedEvent[] =>
  d.candidate.journey.allowedEvents.filter((e) => test(e.type));

/** The payload of the latest event of `type` on the current journey, if any. */
export function latestPayload(d: RecordData, type: string): Record<string, unknown> | undefined {
  const found = d.history.filter((h) => h.journeyId === d.candidate.journey.id && h.type === type).at(-1);
  return found ? (found.payload ?? {}) as Record<string, unknown> : undefined;
}

export const retryFor = (d: RecordData, type: string) => (d.retry?.type === type ? d.retry.values : undefined);
