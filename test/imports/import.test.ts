// Acceptance (issue 17): a CSV of 1,000 rows with 20 bad ones imports 980 and reports the 20 by
// line. The dry run creates nothing; the import is one job; duplicates are found within the file
// and against existing candidates, by email, phone and registration number.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidates, jobs } from '../../db/schema/index.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { applicant, startTestIntake, TOKEN, type TestIntake } from '../support/intake.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const upload = async (csv: string, query = '?programme=domestic') => {
  const res = await t.intake.http.request(`/api/imports${query}`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}` } });
  return { status: res.status, body: await res.json() as any };
};
const count = async () => (await t.intake.app.db.select({ id: candidates.id }).from(candidates)).length;

/** An NHS Jobs-style export: forename and surname, mixed professions, phones and postcodes as people type them. */
function thousandRows() {
  const header = 'Title,Forename,Surname,Email Address,Mobile Number,Postcode,Staff Group,Programme,NMC PIN / Registration Number';
  const lines = [header];
  const bad = new Map<number, string>(); // line → field expected in the report
  for (let i = 0; i < 1000; i++) {
    const line = i + 2;
    const n = String(i).padStart(4, '0');
    let row = ['Ms', `Alex${n}`, 'Import-Tester', `alex.${n}@example.com`, `07700 90${n}`, 'ls18 4qx', 'Healthcare Assistant', 'Domestic', ''];
    if (i % 50 === 7) {
      const kind = (i / 50) | 0;
      if (kind % 4 === 0) { row[3] = 'not-an-email'; bad.set(line, 'email'); }
      else if (kind % 4 === 1) { row[6] = 'Astronaut'; bad.set(line, 'profession'); }
      else if (kind % 4 === 2) { row[3] = 'alex.0000@example.com'; bad.set(line, 'email'); } // the same as line 2
      else { row = ['Mr', `Reg${n}`, 'Nurse', `reg.${n}@example.com`, '', 'LS1 1AA', 'Registered Nurse', 'Domestic', '12345']; bad.set(line, 'registrationNumber'); }
    }
    lines.push(row.join(','));
  }
  return { csv: `${lines.join('\r\n')}\r\n`, bad };
}

describe('importing candidates from a CSV', () => {
  it('imports 980 of 1,000 rows and reports the 20 bad ones by line', async () => {
    const { csv, bad } = thousandRows();
    expect(bad.size).toBe(20);
    const before = await count();
    const checked = await upload(csv);
    expect(checked.status).toBe(201);
    expect(checked.body).toMatchObject({ status: 'checked', report: { rows: 1000, ready: 980 } });
    const reported = new Map(checked.body.report.problems.map((p: any) => [p.line, p.field]));
    expect(reported).toEqual(bad);
    expect(checked.body.report.problems.find((p: any) => p.kind === 'duplicate')).toMatchObject({ message: 'email is the same as on line 2', sameAsLine: 2 });
    expect(checked.body.report.columns.ignored).toEqual(['Title']);
    expect(await count()).toBe(before); // a dry run creates nothing

    const started = await t.post(`/api/imports/${checked.body.id}/start`);
    expect(started.status).toBe(202);
    expect((await t.post(`/api/imports/${checked.body.id}/start`)).body.code).toBe('import_already_started');
    expect(await t.intake.app.db.select().from(jobs).where(eq(jobs.kind, 'import'))).toHaveLength(1);
    await drainDueJobs(t.intake.app, { kinds: ['import'] });

    const done = (await t.get(`/api/imports/${checked.body.id}`)).body;
    expect(done).toMatchObject({ status: 'done', progress: 980 });
    expect(done.result.created).toHaveLength(980);
    expect(done.result.skipped).toEqual([]);
    expect(await count()).toBe(before + 980);
    const one = (await t.get(`/api/candidates/${done.result.created[0].candidateId}`)).body;
    expect(one).toMatchObject({ fullName: 'Alex0000 Import-Tester', phone: '+447700900000', postcode: 'LS18 4QX', profession: 'healthcare_assistant', programme: 'domestic' });
    expect(one.journey.version).toBe(1);
  }, 120_000);

  it('finds duplicates of existing candidates by email, phone and registration number', async () => {
    const held = (await t.post('/api/candidates', applicant({ email: 'held@example.com', phone: '+44 7700 900777', registrationNumber: '71A2998E' }))).body;
    const csv = [
      'Name,Email,Telephone,Profession,Registration',
      'Held By Email,HELD@example.com,,Registered Nurse,',
      'Held By Phone,new.1@example.com,07700 900777,Registered Nurse,',
      'Held By PIN,new.2@example.com,,Registered Nurse,NMC PIN: 71A2998E',
      'New Person,new.3@example.com,,"Nurse, adult",',
    ].join('\n');
    const { body } = await upload(csv);
    expect(body.report.ready).toBe(1);
    expect(body.report.problems.map((p: any) => [p.line, p.field, p.candidateId])).toEqual([
      [2, 'email', held.id], [3, 'phone', held.id], [4, 'registrationNumber', held.id],
    ]);
  });

  it('skips, and reports, a row that became a duplicate between the check and the import', async () => {
    const { body } = await upload('Name,Email,Staff Group\nLate Comer,late@example.com,Registered Nurse\nOn Time,ontime@example.com,Registered Nurse\n');
    expect(body.report.ready).toBe(2);
    const meanwhile = await t.post('/api/candidates', applicant({ email: 'late@example.com' }));
    await t.post(`/api/imports/${body.id}/start`);
    await drainDueJobs(t.intake.app, { kinds: ['import'] });
    const done = (await t.get(`/api/imports/${body.id}`)).body;
    expect(done.result.created.map((c: any) => c.line)).toEqual([3]);
    expect(done.result.skipped).toEqual([{ line: 2, field: 'email', message: 'email matches a candidate added since the check', candidateId: meanwhile.body.id }]);
  });

  it('says which columns are missing, and refuses what is not a CSV', async () => {
    const missing = await upload('Name,Phone\nA Person,07700900123\n', '');
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toMatch(/missing email, profession .*programme/);
    expect((await upload('"Name,Email\nA,b\n')).body.detail).toMatch(/never closed/);
    expect((await upload('Name,Email,Profession\n')).body.detail).toMatch(/no rows/);
    const json = await t.post('/api/imports', { rows: [] });
    expect(json.status).toBe(415);
  });

  it('checks each row against the role: a coordinator may not import domestic candidates', async () => {
    const { createUser } = await import('../../src/services/users/manage.js');
    const { createPersonalToken } = await import('../../src/services/tokens/personal.js');
    const { user } = await createUser(t.intake.app.db, { email: 'coord@example.nhs.uk', name: 'Co Ordinator', role: 'coordinator' }, null, t.clock.now());
    const { token } = await createPersonalToken(t.intake.app.db, { kind: 'staff', role: 'coordinator', userId: user.id, tokenId: null, via: 'token' }, 't', t.clock.now());
    const res = await t.intake.http.request('/api/imports', {
      method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body: 'Name,Email,Profession,Programme\nDom Estic,dom@example.com,Registered Nurse,domestic\nInter National,intl@example.com,Registered Nurse,International\n',
    });
    const body = await res.json() as any;
    expect(body.report.ready).toBe(1);
    expect(body.report.problems).toEqual([{ line: 2, field: 'programme', kind: 'error', message: 'programme: your role (coordinator) may not add domestic candidates' }]);
    // Someone else's import is not there for them.
    const mine = (await upload('Name,Email,Profession\nA B,ab@example.com,Midwife\n')).body;
    expect((await t.intake.http.request(`/api/imports/${mine.id}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });
});
