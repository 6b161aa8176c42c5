// Issue 12, finding 8: control characters in a name never reach an email header. Before, a CR/LF
// in a candidate's name went into the subject of the staff notices (a header injection).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidates, journeys } from '../../db/schema/index.js';
import { headerValue } from '../../src/email/headers.js';
import { icsCalendar } from '../../src/email/ics.js';
import { emailSnapshot, loadSnapshot } from '../../src/engine/snapshot.js';
import { enqueue } from '../../src/jobs/enqueue.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { startFakeResend, type FakeResend } from '../support/fake-resend.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
let fake: FakeResend;
beforeAll(async () => {
  fake = await startFakeResend();
  t = await startTestIntake({ env: { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: fake.url } });
});
afterAll(async () => { await t?.close(); await fake?.close(); });

describe('email headers', () => {
  it('refuses a name with a line break at the door', async () => {
    const res = await t.post('/api/candidates', applicant({ fullName: 'Eve\r\nBcc: attacker@evil.example' }));
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('fullName');
  });

  it('strips CR/LF and control characters from the subject of an email about a name that has them', async () => {
    // A name stored before the input boundary refused line breaks (or from a CV).
    const id = (await t.post('/api/candidates', applicant({ programme: 'international', email: 'eve@example.com' }))).body.id as string;
    await t.intake.app.db.update(candidates).set({ fullName: 'Eve\r\nBcc: attacker@evil.example\u0007' }).where(eq(candidates.id, id));
    const [journey] = await t.intake.app.db.select().from(journeys).where(eq(journeys.candidateId, id));
    await enqueue(t.intake.app.db, {
      kind: 'email', key: `test:visa:${id}`, journeyId: journey!.id, runAt: t.clock.now(),
      payload: { template: 'visaApplied', to: 'coordinator', candidateId: id, journeyId: journey!.id, ...emailSnapshot(loadSnapshot(t.intake.app.machines, journey!)) },
    });
    await drainDueJobs(t.intake.app, { kinds: ['email'] });
    const sent = fake.delivered.find((d) => d.body.subject.startsWith('Visa applied for'))!;
    expect(sent.body.subject).toBe('Visa applied for: Eve Bcc: attacker@evil.example');
    expect(sent.body.subject).not.toMatch(/[\r\n\u0000-\u001f]/);
    expect(String(sent.body.to)).not.toMatch(/[\r\n]/);
  });

  it('keeps every header value on one line', () => {
    expect(headerValue('A\r\nB\tC\u0000D\u2028E')).toBe('A B C D E');
    const ics = icsCalendar({
      method: 'REQUEST', prodId: '-//Intake//EN', organizer: { name: 'Bank\r\nATTENDEE:mailto:evil@example.com', email: 'bank@example.nhs.uk' },
      events: [{ uid: 'u1', stamp: new Date('2026-03-02T09:00:00Z'), start: '2026-03-10T10:00:00Z', summary: 'Interview', description: 'x' }],
    });
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).not.toMatch(/^ATTENDEE/m);
    expect(unfolded).toContain('ORGANIZER;CN="Bank ATTENDEE:mailto:evil@example.com":mailto:bank@example.nhs.uk');
  });
});
