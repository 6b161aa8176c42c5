// Erasure (retention or the person's request): personal data goes, a pseudonymous record stays.
// The candidate row, journeys, history events and email log keep their ids, types, states,
// stages and times, so the pipeline counts, funnels and durations do not change and the audit
// trail still proves what happened — without saying to whom. Set-based over a batch of
// candidates, so a retention run over thousands stays a handful of statements per batch.
import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import {
  auditLog, candidates, complianceItems, cvDocuments, documents, emails, jobs, journeyEvents, journeys, magicLinks, membershipEvents, memberships, notes,
  referenceRequests, sessions,
} from '../../../db/schema/index.js';
import type { AppContext } from '../../context.js';
import { enqueueWebhookEvents } from '../../jobs/enqueue.js';
import { forgetAnswersAbout } from '../idempotency/keys.js';
import { notFound } from '../../errors.js';
import { forgetLimits } from '../../auth/rate-limit.js';
import { magicLinkLimitKeys } from '../portal/magic-link.js';
import { ERASED, RefereePseudonyms, needlesOf, refereeEmails, scrubPayload, scrubSnapshot } from './scrub.js';

export interface ErasureOptions {
  reason: 'retention' | 'request';
  actor: { type: string; id: string | null };
  /** Defaults to the app clock. */
  at?: Date;
}

export interface ErasureResult { candidateId: string; alreadyErased: boolean }

const ERASED_NAME = 'Erased candidate';

/** Erases one candidate within the caller's transaction; 404 for an unknown id. Idempotent. */
export async function eraseCandidate(app: AppContext, tx: Tx, candidateId: string, opts: ErasureOptions): Promise<ErasureResult> {
  const [result] = await eraseCandidates(app, tx, [candidateId], opts);
  if (!result) throw notFound('The candidate');
  return result;
}

/** Erases every candidate of `ids` that exists (unknown ids are skipped). */
export async function eraseCandidates(app: AppContext, tx: Tx, ids: readonly string[], opts: ErasureOptions): Promise<ErasureResult[]> {
  if (!ids.length) return [];
  const at = opts.at ?? app.clock.now();
  // Row locks first, journeys before candidates as dispatch takes them (no lock-order deadlock):
  // a concurrent event on one of these journeys waits, then sees the scrubbed snapshot.
  const rows = await tx.select().from(journeys).where(inArray(journeys.candidateId, [...ids])).orderBy(journeys.id).for('update');
  const people = await tx.select().from(candidates).where(inArray(candidates.id, [...ids])).orderBy(candidates.id).for('update');
  if (!people.length) return [];
  const found = people.map((p) => p.id);
  const journeyIds = rows.map((j) => j.id);
  // Names already replaced are not needles: "Erased candidate" is not personal data.
  const needles = new Map(people.map((p) => [p.id, p.erasedAt ? [] : needlesOf(p)]));

  if (journeyIds.length) await scrubJourneys(tx, rows, needles, at);
  const membershipIds = await scrubMemberships(tx, found);
  // The addresses as they were: their links, sessions and rate-limit counters go too.
  await scrubContact(tx, found, [...journeyIds, ...membershipIds], people.filter((p) => !p.erasedAt).map((p) => p.email.toLowerCase()), at);

  await tx.update(candidates).set({
    fullName: ERASED_NAME,
    email: sql`'erased-' || ${candidates.id}::text || '@invalid.invalid'`,
    phone: null, postcode: null, registrationNumber: null,
    // A repeat erasure keeps the first one's times: erasing twice changes nothing.
    erasedAt: sql`coalesce(${candidates.erasedAt}, ${at.toISOString()}::timestamptz)`,
    updatedAt: sql`case when ${candidates.erasedAt} is null then ${at.toISOString()}::timestamptz else ${candidates.updatedAt} end`,
  }).where(inArray(candidates.id, found));
  await tx.insert(auditLog).values(people.map((p) => ({
    kind: 'erasure', actorType: opts.actor.type, actorId: opts.actor.id, subjectId: p.id, detail: { reason: opts.reason }, at,
  })));
  await forgetAnswersAbout(tx, found);
  // Systems told about these candidates must forget them too (ids only: nothing personal leaves).
  await enqueueWebhookEvents(tx, people.filter((p) => !p.erasedAt).map((p) => ({ type: 'candidate.erased', data: { candidateId: p.id, reason: opts.reason, at: at.toISOString() } })), at, app.settings.webhooks.maxAttempts);
  return people.map((p) => ({ candidateId: p.id, alreadyErased: p.erasedAt !== null }));
}

type JourneyRow = typeof journeys.$inferSelect;

/** Snapshots, exit reasons, history payloads and reference requests of the given journeys. */
async function scrubJourneys(tx: Tx, rows: JourneyRow[], needles: Map<string, string[]>, at: Date) {
  const journeyIds = rows.map((j) => j.id);
  const events = await tx.select({ id: journeyEvents.id, journeyId: journeyEvents.journeyId, payload: journeyEvents.payload })
    .from(journeyEvents).where(inArray(journeyEvents.journeyId, journeyIds)).orderBy(journeyEvents.journeyId, journeyEvents.seq);
  const requests = await tx.select({ id: referenceRequests.id, journeyId: referenceRequests.journeyId, refereeEmail: referenceRequests.refereeEmail, refereeName: referenceRequests.refereeName })
    .from(referenceRequests).where(inArray(referenceRequests.journeyId, journeyIds));

  // (Map.groupBy needs Node 21.)
  const group = <T extends { journeyId: string }>(items: T[]) => {
    const byJourney = new Map<string, T[]>();
    for (const item of items) {
      const list = byJourney.get(item.journeyId);
      if (list) list.push(item);
      else byJourney.set(item.journeyId, [item]);
    }
    return byJourney;
  };
  const eventsOf = group(events);
  const requestsOf = group(requests);
  const changedEvents: { id: number; payload: unknown }[] = [];
  for (const journey of rows) {
    const mine = eventsOf.get(journey.id) ?? [];
    const asked = requestsOf.get(journey.id) ?? [];
    // Numbered in the order they were named (history first), so round two's referees are 3 and 4.
    const pseudonyms = new RefereePseudonyms([...refereeEmails([...mine.map((e) => e.payload), journey.snapshot]), ...asked.map((r) => r.refereeEmail)]);
    const personal = needles.get(journey.candidateId) ?? [];
    const snapshot = scrubSnapshot(journey.snapshot, pseudonyms, personal);
    const exitReason = journey.exitReason === null ? null : ERASED;
    if (JSON.stringify(snapshot) !== JSON.stringify(journey.snapshot) || exitReason !== journey.exitReason) {
      // Not a new version: nothing happened to the journey, and version = number of history events.
      await tx.update(journeys).set({ snapshot, exitReason }).where(eq(journeys.id, journey.id));
    }
    for (const e of mine) {
      const payload = scrubPayload(e.payload, pseudonyms, personal);
      if (JSON.stringify(payload) !== JSON.stringify(e.payload)) changedEvents.push({ id: e.id, payload });
    }
    for (const r of asked) {
      const email = pseudonyms.email(r.refereeEmail);
      if (email === r.refereeEmail) continue;
      await tx.update(referenceRequests).set({ refereeEmail: email, refereeName: pseudonyms.name(r.refereeEmail) }).where(eq(referenceRequests.id, r.id));
    }
  }
  for (let i = 0; i < changedEvents.length; i += 500) {
    const chunk = changedEvents.slice(i, i + 500);
    const values = sql.join(chunk.map((e) => sql`(${e.id}::bigint, ${JSON.stringify(e.payload)}::jsonb)`), sql`, `);
    await tx.execute(sql`update ${journeyEvents} set payload = v.payload from (values ${values}) as v(id, payload) where ${journeyEvents.id} = v.id`);
  }
  // Answers go; a link not yet used stops working (the form would show the erased record).
  await tx.update(referenceRequests).set({ answers: { erased: true } })
    .where(and(inArray(referenceRequests.journeyId, journeyIds), isNotNull(referenceRequests.answers)));
  await tx.update(referenceRequests).set({ expiresAt: sql`least(${referenceRequests.expiresAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(inArray(referenceRequests.journeyId, journeyIds), isNull(referenceRequests.usedAt)));
}

/** Every `evidence` in a snapshot emptied: the items keep their statuses and dates. */
const withoutEvidence = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutEvidence);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'evidence' && v !== null ? null : withoutEvidence(v)]));
};

/**
 * A bank member's compliance after hire: the evidence that renewed each item (certificate
 * references, providers, dates of birth) leaves the items, the snapshot and the history, whose
 * types and times stay (the dashboard's counts do not change). Returns the memberships' ids: their
 * queued timers are keyed by them, and stop with the rest.
 */
async function scrubMemberships(tx: Tx, ids: string[]): Promise<string[]> {
  const rows = await tx.select({ id: memberships.id, snapshot: memberships.snapshot }).from(memberships).where(inArray(memberships.candidateId, ids)).orderBy(memberships.id).for('update');
  if (!rows.length) return [];
  const membershipIds = rows.map((m) => m.id);
  for (const m of rows) await tx.update(memberships).set({ snapshot: withoutEvidence(m.snapshot) }).where(eq(memberships.id, m.id));
  await tx.update(complianceItems).set({ evidence: null }).where(inArray(complianceItems.membershipId, membershipIds));
  // Which item an event was about stays (it is not personal); what it said goes.
  await tx.update(membershipEvents).set({ payload: sql`jsonb_strip_nulls(jsonb_build_object('item', ${membershipEvents.payload}->'item', 'erased', true))` })
    .where(inArray(membershipEvents.membershipId, membershipIds));
  return membershipIds;
}

/**
 * Documents, notes, the email log, queued work that could still reach the person, and what is
 * keyed by their address: sign-in links, portal sessions (signed out, whatever else the address
 * holds) and rate-limit counters.
 */
async function scrubContact(tx: Tx, ids: string[], journeyIds: string[], addresses: string[], at: Date) {
  const docs = await tx.delete(cvDocuments).where(inArray(cvDocuments.candidateId, ids)).returning({ id: cvDocuments.id });
  await tx.delete(documents).where(inArray(documents.candidateId, ids));
  await tx.delete(notes).where(inArray(notes.candidateId, ids));
  if (addresses.length) {
    await tx.delete(magicLinks).where(inArray(magicLinks.email, addresses));
    await tx.delete(sessions).where(inArray(sessions.applicantEmail, addresses));
    await forgetLimits(tx, addresses.flatMap(magicLinkLimitKeys));
  }
  await tx.update(emails).set({
    toAddress: ERASED, subject: ERASED, text: ERASED, html: ERASED, attachments: null,
    lastError: sql`case when ${emails.lastError} is null then null else ${ERASED} end`,
  }).where(journeyIds.length ? or(inArray(emails.candidateId, ids), inArray(emails.journeyId, journeyIds)) : inArray(emails.candidateId, ids));

  const queued = [
    ...(journeyIds.length ? [inArray(jobs.journeyId, journeyIds)] : []),
    ...(docs.length ? [and(eq(jobs.kind, 'cv_parse'), inArray(sql`${jobs.payload}->>'documentId'`, docs.map((d) => d.id)))] : []),
  ];
  if (!queued.length) return;
  // An erased person gets no further email and their journey does not move on by itself:
  // queued emails, timers and parses are finished as dropped (kept, so their keys still dedupe).
  await tx.update(jobs).set({ status: 'done', finishedAt: at, lockedUntil: null, lastError: 'dropped: candidate erased' })
    .where(and(or(...queued), inArray(jobs.status, ['pending', 'running'])));
  // Email jobs carry a copy of the journey context (referees, reasons): keep only what routes them.
  await tx.update(jobs).set({
    payload: sql`jsonb_build_object('template', ${jobs.payload}->'template', 'to', ${jobs.payload}->'to', 'candidateId', ${jobs.payload}->'candidateId', 'journeyId', ${jobs.payload}->'journeyId', 'erased', true)`,
    lastError: sql`case when ${jobs.lastError} is null then null when ${jobs.lastError} like 'dropped:%' then ${jobs.lastError} else ${ERASED} end`,
  }).where(and(eq(jobs.kind, 'email'), or(...queued)));
}
