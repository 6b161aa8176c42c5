// Acceptance (issue 17): a receiver on loopback that fails twice, then accepts, gets each event
// once, signed to the Standard Webhooks spec, and nothing for a change that rolled back.
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeys, webhookDeliveries } from '../../db/schema/index.js';
import { commitEvent } from '../../src/engine/commit.js';
import { planChange } from '../../src/engine/dispatch.js';
import { loadedJourneyColumns } from '../../src/engine/rows.js';
import { drainDueJobs } from '../../src/jobs/worker.js';
import { actInTx } from '../../src/services/journeys/act.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';
import { startReceiver } from './receiver.js';

let t: TestIntake;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let secret: string;
let subscriptionId: string;

beforeAll(async () => {
  t = await startTestIntake({ env: { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8,::1' } });
  receiver = await startReceiver(2);
  const res = await t.post('/api/webhooks', { url: receiver.url, events: ['*'], description: 'HR system' });
  expect(res.status).toBe(201);
  ({ secret, id: subscriptionId } = res.body);
});
afterAll(async () => { await receiver?.close(); await t?.close(); });

/** Runs the webhook jobs as the worker would, moving the clock past each backoff. */
async function deliverAll() {
  for (let round = 0; round < 6; round++) {
    await drainDueJobs(t.intake.app, { kinds: ['webhook'] });
    t.clock.advance(61_000);
  }
}

/** Standard Webhooks verification, written from the spec rather than from our sender. */
function verify(r: { id: string; timestamp: string; signature: string; body: string }): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${r.id}.${r.timestamp}.${r.body}`).digest('base64');
  return r.signature.split(' ').some((s) => s === `v1,${expected}`);
}

describe('webhooks', () => {
  it('gives each event once to a receiver that fails twice, signed, with the same id on every attempt', async () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const created = await t.post('/api/candidates', applicant());
    const id = created.body.id as string;
    for (const [type, payload] of [['screeningStarted', {}], ['withdrawn', { reason: 'Took another post' }]] as const) {
      expect((await t.post(`/api/candidates/${id}/events`, { type, ...payload })).status).toBe(200);
    }
    await deliverAll();

    const accepted = receiver.accepted().map((r) => ({ ...r, payload: JSON.parse(r.body) }));
    expect(accepted.map((r) => r.payload.type)).toEqual(['candidate.created', 'stage.changed', 'stage.changed', 'withdrawn']);
    expect(new Set(accepted.map((r) => r.id)).size).toBe(accepted.length);
    for (const r of accepted) {
      expect(r.id).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(verify(r), r.payload.type).toBe(true);
      expect(r.payload.data.candidateId).toBe(id);
      expect(r.body).not.toContain('Eleanor');
      // Two refusals first, with the same id each time.
      expect(receiver.received.filter((x) => x.id === r.id).map((x) => x.status)).toEqual([500, 500, 204]);
    }
    expect(accepted[1]!.payload.data).toMatchObject({ event: 'screeningStarted', fromStage: 'application', stage: 'screening' });
    expect(accepted[3]!.payload.data).toMatchObject({ event: 'withdrawn', status: 'withdrawn' });
    // Nothing more is sent once a delivery was accepted.
    const before = receiver.received.length;
    await deliverAll();
    expect(receiver.received.length).toBe(before);
  });

  it('refuses a signature made with another secret (the check above can fail)', () => {
    const [r] = receiver.accepted();
    expect(verify({ ...r!, body: `${r!.body} ` })).toBe(false);
  });

  it('sends nothing for a change that rolled back, or for a commit that lost its race', async () => {
    const id = (await t.post('/api/candidates', applicant())).body.id as string;
    await deliverAll();
    const count = async () => (await t.intake.app.db.select().from(webhookDeliveries)).length;
    const before = await count();

    const admin = { kind: 'staff', role: 'admin', userId: null, tokenId: null, via: 'token' } as const;
    await expect(t.intake.app.db.transaction(async (tx) => {
      await actInTx(t.intake.app, tx, { who: admin, candidateId: id }, { type: 'withdrawn', payload: { reason: 'changed their mind' } });
      throw new Error('the rest of the change failed');
    })).rejects.toThrow('the rest of the change failed');
    expect(await count()).toBe(before);

    // A commit computed from a row that has changed since writes nothing, deliveries included.
    const [row] = await t.intake.app.db.select(loadedJourneyColumns).from(journeys).where(eq(journeys.candidateId, id));
    expect((await t.post(`/api/candidates/${id}/events`, { type: 'screeningStarted' })).status).toBe(200);
    const stale = planChange(t.intake.app, row!, 'withdrawn', { reason: 'stale' }, { type: 'user', id: null }, {});
    if (!stale.accepted) throw new Error('withdrawn should be allowed');
    expect(await commitEvent(t.intake.app.db, stale.commit)).toBe(false);
    expect((await t.intake.app.db.select().from(webhookDeliveries)).filter((d) => d.eventType === 'withdrawn' && (d.payload as any).data.candidateId === id)).toEqual([]);
    expect(await count()).toBe(before + 1); // the screeningStarted that did commit: stage.changed
  });

  it('keeps a delivery log, and replays a delivery with its id', async () => {
    const log = await t.get(`/api/webhooks/${subscriptionId}/deliveries?limit=2`);
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(2);
    expect(log.body.nextCursor).toBeTruthy();
    const next = await t.get(`/api/webhooks/${subscriptionId}/deliveries?limit=2&cursor=${log.body.nextCursor}`);
    expect(next.body.items[0].id).not.toBe(log.body.items[1].id);
    const delivered = (await t.get(`/api/webhooks/${subscriptionId}/deliveries?status=delivered`)).body.items;
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.every((d: any) => d.status === 'delivered' && d.lastStatusCode === 204)).toBe(true);
    const target = delivered.find((d: any) => d.attempts === 3);
    expect(target).toBeDefined();

    const replay = await t.post(`/api/webhooks/${subscriptionId}/deliveries/${target.id}/replay`);
    expect(replay.status).toBe(202);
    expect((await t.post(`/api/webhooks/${subscriptionId}/deliveries/${target.id}/replay`)).body.code).toBe('delivery_in_progress');
    const before = receiver.received.filter((r) => r.id === target.webhookId).length;
    await deliverAll();
    const again = receiver.received.filter((r) => r.id === target.webhookId);
    expect(again.length).toBeGreaterThan(before);
    expect(verify(again.at(-1)!)).toBe(true);
  });

  it('stops delivering to a deleted subscription, including what it had queued', async () => {
    const other = await startReceiver();
    const sub = (await t.post('/api/webhooks', { url: other.url, events: ['candidate.created'] })).body;
    await t.post('/api/candidates', applicant());
    expect((await t.request('DELETE', `/api/webhooks/${sub.id}`)).status).toBe(200);
    await deliverAll();
    expect(other.received).toEqual([]);
    expect((await t.get(`/api/webhooks/${sub.id}`)).status).toBe(404);
    expect((await t.get('/api/webhooks')).body.items.map((w: any) => w.id)).not.toContain(sub.id);
    await other.close();
  });

  it('refuses addresses that are not http(s), carry credentials, or are private networks not allowed', async () => {
    for (const url of ['ftp://hooks.example.org/x', 'javascript:alert(1)', 'https://user:pw@hooks.example.org/x', 'http://10.1.2.3/hook', 'http://169.254.169.254/latest/meta-data', 'http://[fd00::1]/x']) {
      const res = await t.post('/api/webhooks', { url, events: ['hired'] });
      expect(res.status, url).toBe(400);
      expect(res.body.field, url).toBe('url');
    }
    expect((await t.post('/api/webhooks', { url: 'https://hooks.example.org/x', events: ['hired', 'not.an.event'] })).body.field).toBe('events.1');
    expect((await t.post('/api/webhooks', { url: 'https://hooks.example.org/x', events: [] })).body.field).toBe('events');
  });
});
