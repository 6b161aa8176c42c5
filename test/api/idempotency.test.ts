// Acceptance (issue 17): a POST repeated with the same Idempotency-Key creates one candidate.
// The same key with another body is refused (422), keys belong to one credential, two requests
// with one key never both run, and an answer is kept for 24 hours.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidates } from '../../db/schema/index.js';
import { createPersonalToken } from '../../src/services/tokens/personal.js';
import { createUser } from '../../src/services/users/manage.js';
import { TOKEN, applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
let otherToken: string;
beforeAll(async () => {
  t = await startTestIntake();
  const { user } = await createUser(t.intake.app.db, { email: 'rae@example.nhs.uk', name: 'Rae Cruiter', role: 'recruiter' }, null, t.clock.now());
  otherToken = (await createPersonalToken(t.intake.app.db, { kind: 'staff', role: 'recruiter', userId: user.id, tokenId: null, via: 'token' }, 'laptop', t.clock.now())).token;
});
afterAll(async () => { await t?.close(); });

const withEmail = async (email: string) => t.intake.app.db.select().from(candidates).where(eq(candidates.email, email));

describe('Idempotency-Key', () => {
  it('answers a repeated POST with the first answer, and creates one candidate', async () => {
    const body = applicant();
    const first = await t.post('/api/candidates', body, { 'idempotency-key': 'apply-0001' });
    const again = await t.post('/api/candidates', body, { 'idempotency-key': 'apply-0001' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await withEmail(body.email)).toHaveLength(1);
    // Without a key, the same body is a second application, as before.
    await t.post('/api/candidates', body);
    expect(await withEmail(body.email)).toHaveLength(2);
  });

  it('refuses the same key with a different body (422, a stable code)', async () => {
    await t.post('/api/candidates', applicant(), { 'idempotency-key': 'apply-0002' });
    const other = await t.post('/api/candidates', applicant(), { 'idempotency-key': 'apply-0002' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
  });

  it('keeps keys apart per credential', async () => {
    const body = applicant({ programme: 'domestic' });
    const mine = await t.post('/api/candidates', body, { 'idempotency-key': 'shared-key' });
    const theirs = await t.post('/api/candidates', body, { 'idempotency-key': 'shared-key', authorization: `Bearer ${otherToken}` });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('never runs two requests with one key at once: the second waits its turn or is told 409', async () => {
    const body = applicant();
    const results = await Promise.all(Array.from({ length: 6 }, () => t.post('/api/candidates', body, { 'idempotency-key': 'race-1' })));
    expect(results.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'idempotency_key_in_use'))).toBe(true);
    expect(results.filter((r) => r.status === 201).every((r) => r.body.id === results.find((x) => x.status === 201)!.body.id)).toBe(true);
    expect(await withEmail(body.email)).toHaveLength(1);
  });

  it('replays an error answer too, but not a failure of ours, and forgets a key after 24 hours', async () => {
    const bad = { ...applicant(), email: 'not an email' };
    const first = await t.post('/api/candidates', bad, { 'idempotency-key': 'bad-1' });
    expect(first.status).toBe(400);
    const again = await t.post('/api/candidates', bad, { 'idempotency-key': 'bad-1' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);

    const body = applicant();
    await t.post('/api/candidates', body, { 'idempotency-key': 'day-1' });
    t.clock.advance(24 * 60 * 60 * 1000 + 1);
    const later = await t.post('/api/candidates', body, { 'idempotency-key': 'day-1' });
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(await withEmail(body.email)).toHaveLength(2);
  });

  it('applies to events and every other POST: a repeated event is not sent twice', async () => {
    const id = (await t.post('/api/candidates', applicant())).body.id;
    const first = await t.post(`/api/candidates/${id}/events`, { type: 'screeningStarted' }, { 'idempotency-key': 'event-1' });
    const again = await t.post(`/api/candidates/${id}/events`, { type: 'screeningStarted' }, { 'idempotency-key': 'event-1' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.journey.version).toBe(first.body.journey.version);
    expect((await t.get(`/api/candidates/${id}/history`)).body.items).toHaveLength(2);
  });

  it('knows a retried form post for the same one, though the client picked a new multipart boundary', async () => {
    const body = applicant();
    const send = () => {
      const form = new FormData();
      for (const [k, v] of Object.entries(body)) form.set(k, String(v));
      return t.intake.http.request('/api/candidates', { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}`, 'idempotency-key': 'form-1' } });
    };
    const first = await send();
    const again = await send();
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await withEmail(body.email)).toHaveLength(1);
  });

  it('refuses a key that is not printable text', async () => {
    const res = await t.post('/api/candidates', applicant(), { 'idempotency-key': 'x'.repeat(256) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_parameter', field: 'Idempotency-Key' });
  });
});
