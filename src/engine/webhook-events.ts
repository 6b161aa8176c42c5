// What a change tells other systems (docs/webhooks.md): pure, from the journey before and after an
// event. The events are written as deliveries by the same statement as the change
// (src/engine/effects.ts), so a change that does not commit tells nobody. Payloads carry ids,
// states and times only: a receiver reads names and contacts through the API, with its token.
import { checkNames } from '../../workflows/types.js';
import type { JourneyRow } from './rows.js';

export const webhookEventTypes = [
  'candidate.created', 'stage.changed', 'check.cleared', 'check.failed', 'offer.made', 'offer.accepted', 'offer.declined',
  'hired', 'withdrawn', 'rejected', 'closed', 'programme.changed', 'candidate.erased', 'bookability.changed',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export interface WebhookEvent { type: WebhookEventType; data: Record<string, unknown> }

const offerEvents: Record<string, WebhookEventType> = { offerMade: 'offer.made', offerAccepted: 'offer.accepted', offerDeclined: 'offer.declined' };
const finalStatuses: ReadonlySet<string> = new Set(['hired', 'withdrawn', 'rejected', 'closed']);
const CHECK_OUTCOME = new RegExp(`^(${checkNames.join('|')})\\.(cleared|failed)$`);

type JourneyFields = Pick<JourneyRow, 'id' | 'candidateId' | 'programme' | 'state' | 'stage' | 'status' | 'version'>;

const about = (j: JourneyFields, at: Date) => ({
  candidateId: j.candidateId, journeyId: j.id, programme: j.programme, state: j.state, stage: j.stage, status: j.status, version: j.version, at: at.toISOString(),
});

/** The events an accepted event causes, in the order they happened. */
export function journeyWebhookEvents(from: JourneyFields, to: JourneyFields, eventType: string, at: Date): WebhookEvent[] {
  const base = { ...about(to, at), event: eventType };
  const out: WebhookEvent[] = [];
  const check = CHECK_OUTCOME.exec(eventType);
  if (check) out.push({ type: check[2] === 'cleared' ? 'check.cleared' : 'check.failed', data: { ...base, check: check[1] } });
  const offer = offerEvents[eventType];
  if (offer) out.push({ type: offer, data: base });
  if (from.stage !== to.stage) out.push({ type: 'stage.changed', data: { ...base, fromStage: from.stage } });
  if (from.status !== to.status && finalStatuses.has(to.status)) out.push({ type: to.status as WebhookEventType, data: base });
  return out;
}

/** A journey opened: a new candidate's first, or the one a candidate moved to from `previous`. */
export function startWebhookEvents(journey: JourneyFields & { profession: string }, at: Date, previous?: string): WebhookEvent[] {
  const data = { ...about(journey, at), profession: journey.profession };
  return previous ? [{ type: 'programme.changed', data: { ...data, previousJourneyId: previous } }] : [{ type: 'candidate.created', data }];
}
