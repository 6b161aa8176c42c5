// Subject access export: everything held about a person, in one JSON object, audited.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, cohortMembers, cohorts } from '../../db/schema/index.js';
import { AppError } from '../../src/errors.js';
import { exportCandidate } from '../../src/services/privacy/export.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { periods } from '../support/evidence.js';
import { act, answerReference, apply, insertCv, insertNote, toChecks } from './support.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake({ env: { PUBLIC_URL: 'http://intake.test' } }); });
afterAll(async () => { await t?.close(); });

const staff = { type: 'user', id: 'b1b2c3d4-0000-4000-8000-000000000002' };

describe('subject access export', () => {
  it('contains the candidate, every journey with its snapshot, the history, email bodies, reference answers, CV, notes and cohorts, and is audited', async () => {
    const id = await apply(t, { fullName: 'Yolanda Exportwell', email: 'yolanda.export@example.com', phone: '+447700900777', postcode: 'LS2 9JT' });
    await toChecks(t, id, 'Exportwell Room 4');
    await act(t, id, 'references.refereesProvided', { referees: [
      { name: 'Zeno Answerby', email: 'zeno.answerby@example.org', organisation: 'Answerby Trust', relationship: 'line_manager', ...periods(t.clock.now())[0] },
      { name: 'Ada Laterly', email: 'ada.laterly@example.org', organisation: 'Laterly Clinic', relationship: 'employer', ...periods(t.clock.now())[1] },
    ] });
    await answerReference(t, 'zeno.answerby@example.org', { jobTitle: 'Answerby charge nurse', concerns: 'No concerns about Yolanda' });
    await insertNote(t, id, 'Interview note: Yolanda was excellent');
    const cv = await insertCv(t, id, 'Yolanda Exportwell');
    const [cohort] = await t.intake.app.db.insert(cohorts).values({ name: 'Spring 2026 nurses', programme: 'domestic', createdAt: t.clock.now() }).returning();
    await t.intake.app.db.insert(cohortMembers).values({ cohortId: cohort!.id, candidateId: id, addedAt: t.clock.now() });

    const exported = await exportCandidate(t.intake.app, id, staff) as any;
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    expect(exported.candidate).toMatchObject({ id, fullName: 'Yolanda Exportwell', email: 'yolanda.export@example.com', phone: '+447700900777', postcode: 'LS2 9JT' });
    expect(exported.journeys).toHaveLength(1);
    expect(exported.journeys[0].snapshot.context.interview.location).toBe('Exportwell Room 4');

    const history = exported.history as { type: string; payload: Record<string, unknown> }[];
    const apiHistory = (await t.get(`/api/candidates/${id}/history`)).body.items as { type: string }[];
    expect(history.map((e) => e.type)).toEqual(apiHistory.map((e) => e.type));
    expect(history.find((e) => e.type === 'references.received')!.payload).toMatchObject({ refereeEmail: 'zeno.answerby@example.org', concerns: 'No concerns about Yolanda' });

    const mail = exported.emails as { template: string; toAddress: string; text: string; html: string }[];
    expect(mail.map((m) => m.template)).toEqual(expect.arrayContaining(['applicationReceived', 'interviewInvitation', 'referenceRequest']));
    const invitation = mail.find((m) => m.template === 'interviewInvitation')!;
    expect(invitation.text).toContain('Yolanda');
    expect(invitation.text).toContain('Exportwell Room 4');
    expect(invitation.html).toContain('Exportwell Room 4');
    // Issue 12: the export shows one-time links redacted, never live or as placeholders.
    const request = mail.find((m) => m.template === 'referenceRequest')!;
    expect(request.text).toContain('[one-time reference form link: sent only to the recipient]');
    expect(JSON.stringify(mail)).not.toMatch(/\{\{link:|\/references\/[\w-]{20,}/);

    const references = exported.referenceRequests as { refereeEmail: string; answers: Record<string, unknown> | null }[];
    expect(references.find((r) => r.refereeEmail === 'zeno.answerby@example.org')!.answers).toMatchObject({ jobTitle: 'Answerby charge nurse', concerns: 'No concerns about Yolanda' });
    expect(JSON.stringify(exported)).not.toContain('tokenHash');

    expect(exported.cvDocuments).toHaveLength(1);
    expect(exported.cvDocuments[0]).toMatchObject({ id: cv.id, filename: 'Yolanda Exportwell.pdf', reviewed: { fullName: 'Yolanda Exportwell' } });
    expect(Buffer.from(exported.cvDocuments[0].contentBase64, 'base64').equals(cv.content)).toBe(true);
    expect(exported.notes.map((n: { text: string }) => n.text)).toEqual(['Interview note: Yolanda was excellent']);
    expect(exported.cohorts).toEqual([expect.objectContaining({ cohortId: cohort!.id, name: 'Spring 2026 nurses' })]);

    const audit = await t.intake.app.db.select().from(auditLog).where(eq(auditLog.kind, 'subject_access_export'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: 'user', actorId: staff.id, subjectId: id });
    expect(JSON.stringify(audit[0]).toLowerCase()).not.toMatch(/yolanda|exportwell/);
  });

  it('refuses an unknown candidate with 404 and audits nothing', async () => {
    const before = (await t.intake.app.db.select().from(auditLog).where(eq(auditLog.kind, 'subject_access_export'))).length;
    const error = await exportCandidate(t.intake.app, '00000000-0000-4000-8000-000000000000', staff).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    expect((await t.intake.app.db.select().from(auditLog).where(eq(auditLog.kind, 'subject_access_export'))).length).toBe(before);
  });
});
