// The compliance lead's pages: the dashboard counts members by status and what runs out when,
// the CSV has the same rows, a member's page shows their history in words, and a refused form
// comes back naming the field with what was typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/auth/session.js';
import { createUser } from '../../src/services/users/manage.js';
import { type TestIntake, startTestIntake } from '../support/intake.js';
import { clearedNurse, daysFrom, joinMember } from './member.js';

let t: TestIntake;
let cookie: string;
let csrf: string;
beforeAll(async () => {
  t = await startTestIntake();
  const { user } = await createUser(t.intake.app.db, { email: 'lead@example.nhs.uk', name: 'Lead', role: 'admin', password: 'a long enough password' }, null, t.clock.now());
  const session = await createSession(t.intake.app.db, { kind: 'staff', userId: user.id }, t.clock.now());
  cookie = `intake_session=${session.value}`;
  csrf = session.csrf;
});
afterAll(async () => { await t?.close(); });

const page = (path: string) => t.intake.http.request(path, { headers: { cookie } });
const post = (path: string, fields: Record<string, string>) => t.intake.http.request(path, {
  method: 'POST', headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, ...fields }),
});

describe('the compliance pages', () => {
  it('shows members by status, what runs out soon, and overdue items by owner, with a CSV', async () => {
    const now = t.clock.now();
    await joinMember(t, clearedNurse(now));
    const lapsed = clearedNurse(now);
    lapsed.trainingCompletedOn = { ...lapsed.trainingCompletedOn, fire_safety: daysFrom(now, -800) };
    await joinMember(t, lapsed);
    await joinMember(t, clearedNurse(now, { dbs: { issueDate: daysFrom(now, -340), level: 'enhanced_adults_barred' } }));

    const res = await page('/compliance');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<strong>1</strong> Compliant');
    expect(html).toContain('<strong>1</strong> Overdue');
    expect(html).toContain('<strong>1</strong> Due soon');
    expect(html).toMatch(/<th scope="row">Fire safety<\/th><td>Overdue<\/td><td>The member<\/td><td class="num">1<\/td>/);
    expect(html).not.toMatch(/training\.|due_soon|compliance_team/); // words, not keys

    const csv = await page('/compliance/items.csv?days=30');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('Member,Member id,Item,Status,Who acts,In date until');
    expect(lines.slice(1).map((l) => l.split(',')[2]).sort()).toEqual(['DBS check', 'Fire safety']);
  });

  it('records evidence from a member’s page, tells the history in words, and names the field a refusal is about', async () => {
    const member = await joinMember(t, clearedNurse(t.clock.now()));
    const refused = await post(`/compliance/members/${member.id}/events`, { _type: 'itemRenewed', item: 'training.fire_safety', completedOn: daysFrom(t.clock.now(), 5), provider: 'e-LfH' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('There is a problem');
    expect(html).toContain('href="#f-itemRenewed-training-fire_safety-completedOn"');
    expect(html).toContain('value="e-LfH"');

    const saved = await post(`/compliance/members/${member.id}/events`, { _type: 'itemRenewed', item: 'training.fire_safety', completedOn: daysFrom(t.clock.now(), 0), provider: '' });
    expect(saved.status).toBe(303);
    const after = await (await page(`/compliance/members/${member.id}`)).text();
    expect(after).toContain('Joined the bank with their clearance dates, by Intake');
    expect(after).toMatch(/Renewed: Fire safety \(\d+ \w+ \d{4}\), by staff/);
    // Evidence and choices in words, never their keys ("level enhanced both barred", "fit with restrictions").
    expect(after).toContain('level enhanced with the adults’ barred list');
    expect(after).toContain('permission no time limit');
    expect(after).toContain('<option value="fit_with_restrictions">Fit with restrictions</option>');
    expect(after).toContain('<option value="share_code">Online check with a share code</option>');
    expect(after).not.toMatch(/>[^<]*\b(?:enhanced adults barred|permission unlimited|non clinical)\b/);
    const record = await (await page(`/candidates/${member.id}`)).text();
    expect(record).toContain('Compliance after hire');
    expect(record).toContain('Bookable as registered nurse');
  });
});

describe('the member’s portal', () => {
  it('shows a member what is due and takes their training and Update Service consent, nothing a reviewer must verify', async () => {
    const now = t.clock.now();
    const facts = clearedNurse(now);
    facts.trainingCompletedOn = { ...facts.trainingCompletedOn, resuscitation: daysFrom(now, -400) };
    const member = await joinMember(t, facts);
    const session = await createSession(t.intake.app.db, { kind: 'applicant', email: member.email }, t.clock.now());
    const as = { cookie: `intake_session=${session.value}` };
    const portal = async () => (await t.intake.http.request('/portal/compliance', { headers: as })).text();
    const send = (fields: Record<string, string>) => t.intake.http.request('/portal/compliance/events', {
      method: 'POST', headers: { ...as, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: session.csrf, candidateId: member.id, ...fields }),
    });
    const before = await portal();
    expect(before).toContain('We cannot book you for shifts right now');
    expect(before).toContain('<strong>Resuscitation</strong>: Run out');

    const late = await send({ _type: 'itemRenewed', item: 'training.resuscitation', completedOn: daysFrom(t.clock.now(), 2) });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('today or earlier');
    expect((await send({ _type: 'itemRenewed', item: 'training.resuscitation', completedOn: daysFrom(t.clock.now(), 0), certificateReference: 'RESUS-2291' })).status).toBe(303);
    expect(await portal()).toContain('You can book shifts');
    const resus = (await t.get(`/api/candidates/${member.id}/membership`)).body.items.find((i: { item: string }) => i.item === 'training.resuscitation');
    expect(resus.evidence).toMatchObject({ certificateReference: 'RESUS-2291' });

    expect((await send({ _type: 'updateServiceConsented', subscribedOn: daysFrom(t.clock.now(), -20) })).status).toBe(400); // the box left unticked
    expect((await send({ _type: 'updateServiceConsented', subscribedOn: daysFrom(t.clock.now(), -20), consent: 'true' })).status).toBe(303);
    // A DBS renewal is the compliance team's to verify.
    const dbs = await send({ _type: 'itemRenewed', item: 'dbs', issueDate: daysFrom(t.clock.now(), 0), level: 'enhanced' });
    expect(dbs.status).toBe(400);
  });
});
