// Probes of the membership API as a compliance lead (or someone careless) would send them: evidence
// that makes no sense for the member — a DBS below the role's level, a right to work renewed with
// a permission already ended, a registration number in another regulator's format or lapsed, an
// Update Service check without consent — is refused naming the rule and the field,
// and bookability answers nothing about people who are not bookable members (erased, unknown).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCandidate } from '../../src/services/privacy/erase.js';
import { type TestIntake, startTestIntake } from '../support/intake.js';
import { clearedNurse, daysFrom, joinMember } from './member.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t.close(); });

const refused = (res: { status: number; body: any }, rule: string, field: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body).toMatchObject({ code: 'event_not_allowed', rule, field });
};

describe('membership evidence that makes no sense is refused', () => {
  it('a DBS below the role’s level', async () => {
    const now = t.clock.now();
    const member = await joinMember(t, clearedNurse(now));
    const send = (body: object) => t.post(`/api/candidates/${member.id}/membership/events`, body);
    refused(await send({ type: 'itemRenewed', item: 'dbs', issueDate: daysFrom(now, -1), level: 'basic' }), 'membership.dbsLevelForRole', 'level');
    refused(await send({ type: 'itemRenewed', item: 'dbs', issueDate: daysFrom(now, -1), level: 'enhanced_children_barred' }), 'membership.dbsLevelForRole', 'level');
    expect((await send({ type: 'itemRenewed', item: 'dbs', issueDate: daysFrom(now, -1), level: 'enhanced_both_barred' })).status).toBe(200);
    // Future dates were already refused by the payload's schema.
    const future = await send({ type: 'itemRenewed', item: 'dbs', issueDate: daysFrom(now, 3), level: 'enhanced_adults_barred' });
    expect(future.status).toBe(400);
    expect(future.body.field).toBe('issueDate');
  });

  it('a right to work renewed with a permission that has already ended', async () => {
    const now = t.clock.now();
    const member = await joinMember(t, clearedNurse(now));
    const send = (body: object) => t.post(`/api/candidates/${member.id}/membership/events`, body);
    const rtw = { type: 'itemRenewed', item: 'rightToWork', checkedOn: daysFrom(now, 0), method: 'share_code', permission: 'time_limited' };
    refused(await send({ ...rtw, permissionExpiresOn: daysFrom(now, -1) }), 'membership.permissionExpired', 'permissionExpiresOn');
    refused(await send({ ...rtw, permissionExpiresOn: daysFrom(now, 0) }), 'membership.permissionExpired', 'permissionExpiresOn');
    refused(await send({ ...rtw, permission: 'unlimited', permissionExpiresOn: daysFrom(now, 100) }), 'membership.permissionExpiry', 'permissionExpiresOn');
    expect((await send({ ...rtw, permissionExpiresOn: daysFrom(now, 400) })).status).toBe(200);
  });

  it('a registration in another regulator’s format, or one the register shows lapsed', async () => {
    const now = t.clock.now();
    const member = await joinMember(t, clearedNurse(now));
    const send = (body: object) => t.post(`/api/candidates/${member.id}/membership/events`, body);
    const reg = { type: 'itemRenewed', item: 'registration', body: 'NMC', number: '71A2998E', checkedOn: daysFrom(now, 0), renewalDueOn: daysFrom(now, 365) };
    refused(await send({ ...reg, number: 'PH123456' }), 'registration.format', 'number');
    refused(await send({ ...reg, number: '71a2998e ' }), 'registration.format', 'number');
    refused(await send({ ...reg, body: 'HCPC', number: 'PH123456' }), 'registration.body', 'body');
    refused(await send({ ...reg, renewalDueOn: daysFrom(now, -1) }), 'membership.registrationLapsed', 'renewalDueOn');
    refused(await send({ ...reg, revalidationDueOn: daysFrom(now, -5) }), 'membership.registrationLapsed', 'revalidationDueOn');
    expect((await send(reg)).status).toBe(200);
  });

  it('an Update Service status check without consent, whatever it found; consent outside the 30 days', async () => {
    const now = t.clock.now();
    const member = await joinMember(t, clearedNurse(now));
    const send = (body: object) => t.post(`/api/candidates/${member.id}/membership/events`, body);
    refused(await send({ type: 'dbsStatusChecked', checkedOn: daysFrom(now, 0), result: 'new_information' }), 'membership.updateServiceConsent', 'checkedOn');
    const m = (await t.get(`/api/candidates/${member.id}/membership`)).body;
    expect(m.items.find((i: any) => i.item === 'dbs').status).toBe('compliant');
    // The DBS was issued 20 days ago: consent dated before the issue, or over 30 days after it, cannot be right.
    refused(await send({ type: 'updateServiceConsented', subscribedOn: daysFrom(now, -21), consent: true }), 'membership.updateServiceWindow', 'subscribedOn');
    expect((await send({ type: 'updateServiceConsented', subscribedOn: daysFrom(now, -15), consent: true })).status).toBe(200);
    refused(await send({ type: 'dbsStatusChecked', checkedOn: daysFrom(now, -25), result: 'no_new_information' }), 'membership.statusCheckDate', 'checkedOn');
    expect((await send({ type: 'dbsStatusChecked', checkedOn: daysFrom(now, 0), result: 'no_new_information' })).status).toBe(200);
  });

  it('a change of role to the role the member already has', async () => {
    const now = t.clock.now();
    const member = await joinMember(t, clearedNurse(now));
    refused(await t.post(`/api/candidates/${member.id}/membership/events`, { type: 'roleChanged', role: 'registered_nurse', effectiveOn: daysFrom(now, 0) }), 'membership.sameRole', 'role');
  });
});

describe('bookability answers only for members one may book', () => {
  it('an erased member is not bookable, one at a time or in bulk', async () => {
    const now = t.clock.now();
    const member = await joinMember(t, clearedNurse(now));
    expect((await t.post('/api/bookability', { candidateIds: [member.id] })).body.items[0].bookable).toBe(true);
    const app = t.intake.app;
    await app.db.transaction((tx) => eraseCandidate(app, tx, member.id, { reason: 'request', actor: { type: 'user', id: null } }));
    expect((await t.post('/api/bookability', { candidateIds: [member.id] })).body.items[0]).toMatchObject({ bookable: false, reasons: [{ item: 'membership' }] });
    const one = await t.get(`/api/candidates/${member.id}/bookability`);
    expect(one.status === 404 || one.body.bookable === false, JSON.stringify(one.body)).toBe(true);
  });

  it('garbage, too many and repeated ids: a 4xx naming the field, or one answer per id', async () => {
    const now = t.clock.now();
    const member = await joinMember(t, clearedNurse(now));
    const garbage = await t.post('/api/bookability', { candidateIds: ['not-a-uuid'] });
    expect(garbage.status).toBe(400);
    expect(JSON.stringify(garbage.body)).toContain('candidateIds');
    const many = await t.post('/api/bookability', { candidateIds: Array.from({ length: 1001 }, () => member.id) });
    expect(many.status).toBe(400);
    expect((await t.post('/api/bookability', { candidateIds: [] })).status).toBe(400);
    expect((await t.post('/api/bookability', { candidateIds: [member.id], __proto__: { role: 'x' } })).status).toBeLessThan(500);
    expect((await t.post('/api/bookability', { candidateIds: member.id })).status).toBe(400);
    const twice = await t.post('/api/bookability', { candidateIds: [member.id, member.id.toUpperCase()] });
    expect(twice.status).toBe(200);
    expect(twice.body.items).toHaveLength(1);
    // Not an id at all: no such candidate, as every candidate route answers.
    expect((await t.get('/api/candidates/not-a-uuid/bookability')).status).toBe(404);
    expect((await t.get(`/api/candidates/${member.id}/bookability?role=astronaut`)).status).toBe(400);
    const stranger = await t.get('/api/candidates/00000000-0000-4000-8000-000000000000/bookability');
    expect(stranger.status).toBe(404);
  });
});
