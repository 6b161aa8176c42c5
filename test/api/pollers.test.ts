// For systems that poll: the candidates changed since a time (an event, or their details), oldest
// change first, paged; and paging on history, emails and dead jobs that never skips or repeats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema/index.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

let t: TestIntake;
let ids: string[];
beforeAll(async () => {
  t = await startTestIntake();
  ids = [];
  for (let i = 0; i < 5; i++) {
    ids.push((await t.post('/api/candidates', applicant())).body.id);
    t.clock.advance(60_000);
  }
});
afterAll(async () => { await t?.close(); });

/** Every page of a list, following nextCursor. */
async function allPages(path: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: any } = await t.get(`${path}${path.includes('?') ? '&' : '?'}limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

describe('polling for changes', () => {
  it('lists the candidates changed since a time, by events or by their details, oldest change first', async () => {
    const since = t.clock.now().toISOString();
    t.clock.advance(1000);
    await t.post(`/api/candidates/${ids[3]}/events`, { type: 'screeningStarted' });
    t.clock.advance(1000);
    await t.post(`/api/candidates/${ids[1]}/erase`, { confirm: true });
    t.clock.advance(1000);
    await t.post(`/api/candidates/${ids[3]}/events`, { type: 'withdrawn', reason: 'Moved away' });
    const changed = await allPages(`/api/candidates?updatedSince=${encodeURIComponent(since)}`);
    expect(changed.map((c) => c.id)).toEqual([ids[1], ids[3]]);
    expect(changed[1].status).toBe('withdrawn');
    expect(Date.parse(changed[0].updatedAt)).toBeLessThan(Date.parse(changed[1].updatedAt));
    // Inclusive: a poller that asks again from the last change it saw sees that one again, never less.
    const last = changed[1].updatedAt;
    expect((await t.get(`/api/candidates?updatedSince=${encodeURIComponent(last)}`)).body.items.map((c: any) => c.id)).toEqual([ids[3]]);
    expect((await t.get(`/api/candidates?updatedSince=${encodeURIComponent(new Date(Date.parse(last) + 1).toISOString())}`)).body.items).toEqual([]);
    // From the start of time: everyone, each once.
    const everyone = await allPages('/api/candidates?updatedSince=2000-01-01T00:00:00Z');
    expect(new Set(everyone.map((c) => c.id)).size).toBe(everyone.length);
    expect(everyone).toHaveLength(5);
  });

  it('refuses a time that is not one', async () => {
    const res = await t.get('/api/candidates?updatedSince=yesterday');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_query', field: 'updatedSince' });
  });

  it('pages a history and a candidate\'s emails, oldest first, without a gap or a repeat', async () => {
    const id = ids[0]!;
    for (const type of ['screeningStarted', 'withdrawn']) await t.post(`/api/candidates/${id}/events`, { type, ...(type === 'withdrawn' ? { reason: 'x' } : {}) });
    const whole = (await t.get(`/api/candidates/${id}/history`)).body.items;
    expect(whole).toHaveLength(3);
    expect(await allPages(`/api/candidates/${id}/history`)).toEqual(whole);
    await drainDueJobs(t.intake.app, { kinds: ['email'] });
    const emails = (await t.get(`/api/candidates/${id}/emails`)).body.items;
    expect(emails.length).toBeGreaterThan(0);
    expect(await allPages(`/api/candidates/${id}/emails`)).toEqual(emails);
    expect((await t.get(`/api/candidates/${id}/history?cursor=bm90LWEtY3Vyc29y`)).body.code).toBe('invalid_query');
  });

  it('pages the dead jobs, newest first', async () => {
    await t.intake.app.db.insert(jobs).values(Array.from({ length: 5 }, () => ({ kind: 'email', payload: {}, status: 'dead', runAt: t.clock.now(), finishedAt: t.clock.now() })));
    const dead = await allPages('/api/jobs?kind=email');
    expect(dead).toHaveLength(5);
    expect(dead.map((j) => j.id)).toEqual([...dead.map((j) => j.id)].sort((a, b) => b - a));
  });
});
