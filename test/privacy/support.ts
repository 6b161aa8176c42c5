// Helpers for the data-protection tests: walking journeys through the API, answering a
// reference through its emailed link, and dumping every table as text to search for leftovers.
import { randomUUID } from 'node:crypto';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { expect } from 'vitest';
import * as schema from '../../db/schema/index.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { dbsEvidence, identityEvidence, refereesCovering, registrationEvidence, rightToWorkEvidence, valueScores } from '../support/evidence.js';
import { received } from '../support/inbox.js';
import type { TestIntake } from '../support/intake.js';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const ORIGIN = { origin: 'http://intake.test' };

export async function act(t: TestIntake, id: string, type: string, payload: Record<string, unknown> = {}) {
  t.clock.advance(HOUR);
  const res = await t.post(`/api/candidates/${id}/events`, { type, ...payload });
  expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200);
  await drainDueJobs(t.intake.app, { kinds: ['email', 'timer'] }); // retention runs only where a test calls it
  return res.body;
}

export async function apply(t: TestIntake, person: { fullName: string; email: string; phone?: string; postcode?: string }, programme = 'domestic', profession = 'registered_nurse') {
  const res = await t.post('/api/candidates', { programme, profession, ...person });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await drainDueJobs(t.intake.app, { kinds: ['email', 'timer'] }); // retention runs only where a test calls it
  return res.body.id as string;
}

/** Screening to an accepted offer, with a recognisable interview location. */
export async function toChecks(t: TestIntake, id: string, location = 'Bank office, Level 2') {
  await act(t, id, 'screeningStarted');
  await act(t, id, 'screeningPassed', { careExperienceMonths: 24, body: 'NMC', number: '71A2998E' });
  // The interview takes place the hour it is booked for; it is passed after it.
  await act(t, id, 'interviewScheduled', { interviewAt: new Date(t.clock.now().getTime() + HOUR).toISOString(), location });
  await act(t, id, 'interviewPassed', { scores: valueScores, note: 'Strong interview' });
  await act(t, id, 'offerMade', { band: 'Bank' });
  await act(t, id, 'offerAccepted');
}

export interface RefereeInput { name: string; email: string; organisation: string; relationship: string }

/** The referee follows the link in their email and submits the form, as a referee would. */
export async function answerReference(t: TestIntake, refereeEmail: string, answers: Record<string, string>) {
  const { text } = await received(t, refereeEmail, 'referenceRequest');
  const link = /(https?:\/\/[^/\s]+\/references\/[A-Za-z0-9_-]+)/.exec(text)![1]!;
  const body = new URLSearchParams({
    refereeName: 'Referee', refereePosition: 'Ward manager', jobTitle: 'Staff nurse', employedFrom: '2021-01', employedTo: '',
    datesConfirmed: 'yes', roleConfirmed: 'yes', reemploy: 'yes', concerns: '', declaration: 'yes', ...answers,
  });
  const res = await t.intake.http.request(new URL(link).pathname, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...ORIGIN } });
  expect(res.status).toBe(200);
  await drainDueJobs(t.intake.app, { kinds: ['email', 'timer'] }); // retention runs only where a test calls it
}

/** Every remaining check cleared, onboarding and training done, first shift worked: hired. */
export async function toHired(t: TestIntake, id: string, certificateNumber: string) {
  await toChecks(t, id);
  const referees = refereesCovering(t.clock.now(), [`ref1.${id.slice(0, 8)}@example.org`, `ref2.${id.slice(0, 8)}@example.org`]);
  await act(t, id, 'references.refereesProvided', { referees });
  for (const r of referees) await act(t, id, 'references.received', { refereeEmail: r.email, datesConfirmed: true, roleConfirmed: true });
  for (const check of ['identity', 'rightToWork', 'dbs', 'workHealth']) await act(t, id, `${check}.submitted`);
  await act(t, id, 'identity.cleared', identityEvidence(t.clock.now()));
  await act(t, id, 'rightToWork.cleared', rightToWorkEvidence);
  await act(t, id, 'registration.cleared', registrationEvidence(t.clock.now()));
  await act(t, id, 'references.cleared');
  await act(t, id, 'dbs.cleared', dbsEvidence(t.clock.now(), certificateNumber));
  await act(t, id, 'workHealth.cleared', { outcome: 'fit' });
  await act(t, id, 'agreementSigned');
  await act(t, id, 'enrolled');
  const view = (await t.get(`/api/candidates/${id}`)).body.journey;
  const modules = view.allowedEvents.find((e: { type: string }) => e.type === 'trainingModuleCompleted').schema.properties.module.enum as string[];
  for (const module of modules) await act(t, id, 'trainingModuleCompleted', { module });
  await act(t, id, 'firstShiftBooked', { date: t.clock.now().toISOString().slice(0, 10), ward: 'Ward 12' });
  const done = await act(t, id, 'firstShiftWorked');
  expect(done.journey.status).toBe('hired');
}

export async function insertNote(t: TestIntake, candidateId: string, text: string) {
  await t.intake.app.db.insert(schema.notes).values({ candidateId, authorId: 'recruiter-1', text, createdAt: t.clock.now() });
}

export async function insertCv(t: TestIntake, candidateId: string, fullName: string) {
  const content = Buffer.from(`%PDF-1.4\n(${fullName} curriculum vitae)\n%%EOF\n`, 'latin1');
  const [doc] = await t.intake.app.db.insert(schema.cvDocuments).values({
    id: randomUUID(), candidateId, filename: `${fullName}.pdf`, contentType: 'application/pdf', sizeBytes: content.length, sha256: 'ab'.repeat(32),
    content, status: 'parsed', fields: { fullName: { value: fullName, confidence: 0.9, source: 'line 1' } }, reviewed: { fullName },
    createdAt: t.clock.now(), parsedAt: t.clock.now(),
  }).returning();
  return doc!;
}

/** Every row of every table, as lower-case text (bytea as latin1, so file contents are searchable too). */
export async function dumpDatabase(t: TestIntake): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const rows = await t.intake.app.db.select().from(table);
    out[getTableName(table)] = JSON.stringify(rows, (_k, v) => (v && v.type === 'Buffer' && Array.isArray(v.data) ? Buffer.from(v.data).toString('latin1') : v)).toLowerCase();
  }
  return out;
}

/** The tables in which `needle` still appears. */
export const tablesContaining = (dump: Record<string, string>, needle: string) =>
  Object.entries(dump).filter(([, text]) => text.includes(needle.toLowerCase())).map(([name]) => name);

export async function eventCounts(t: TestIntake): Promise<Record<string, number>> {
  const rows = await t.intake.app.db.select({ journeyId: schema.journeyEvents.journeyId, type: schema.journeyEvents.type, seq: schema.journeyEvents.seq }).from(schema.journeyEvents);
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.journeyId] = (counts[r.journeyId] ?? 0) + 1;
  return counts;
}
