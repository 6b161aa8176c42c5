// Acceptance: a persisted snapshot from the previous machine version still loads. The fixture
// snapshots in test/fixtures/snapshots are the contract (see the README there).
import { readFileSync, readdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeys } from '../../db/schema/index.js';
import { loadSnapshot, summarise } from '../../src/engine/snapshot.js';
import { buildMachines, machineVersions, programmes } from '../../workflows/index.js';
import { allowedEvents } from '../../workflows/inspect.js';
import type { Fixture } from '../fixtures/snapshots/generate.js';
import { applicant, startTestIntake, type TestIntake } from '../support/intake.js';

const dir = new URL('../fixtures/snapshots/', import.meta.url);
const fixtures: Fixture[] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Fixture);
const label = (f: Fixture) => `${f.programme}-v${f.machineVersion}-${f.name}`;
const machines = buildMachines();
const AT = '2026-03-02T09:00:00.000Z';
/** Active once loaded: v1 offers that expired or were declined are migrated to finished states. */
const stillActive = (f: Fixture) => loadSnapshot(machines, f).status === 'active';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

/** A candidate whose journey row holds `snapshot`, as if an earlier Intake had saved it. */
async function journeyWith(f: Pick<Fixture, 'programme' | 'profession' | 'machineVersion'>, snapshot: unknown, state?: string) {
  const created = await t.post('/api/candidates', applicant({ programme: f.programme, profession: f.profession }));
  expect(created.status).toBe(201);
  let columns: { state: string; stage: string; status: string; owner: string };
  try {
    columns = summarise(loadSnapshot(machines, { programme: f.programme, machineVersion: f.machineVersion, snapshot }));
  } catch {
    columns = { state: state ?? 'unknown', stage: 'unknown', status: 'in_progress', owner: 'recruiter' };
  }
  await t.intake.app.db.update(journeys)
    .set({ snapshot, machineVersion: f.machineVersion, ...columns })
    .where(eq(journeys.id, created.body.journey.id));
  return created.body.id as string;
}

describe('fixture snapshots', () => {
  it('include several snapshots of the current and the previous version of every programme', () => {
    for (const programme of programmes) {
      const current = machineVersions[programme];
      for (const version of new Set([current, Math.max(1, current - 1)])) {
        const names = fixtures.filter((f) => f.programme === programme && f.machineVersion === version).map((f) => f.name);
        expect(names, `${programme} v${version}`).toEqual(expect.arrayContaining(['applied', 'offer-offered', 'hired']));
        expect(names.some((n) => n.includes('checks')), `${programme} v${version} has a mid-checks snapshot`).toBe(true);
      }
    }
  });

  it.each(fixtures.map((f) => [label(f), f] as const))('%s loads with the current machines and lists its allowed events', (_, f) => {
    const snapshot = loadSnapshot(machines, f);
    const allowed = allowedEvents(snapshot, AT);
    if (snapshot.status === 'active') {
      expect(allowed.length).toBeGreaterThan(0);
      for (const e of allowed) expect(snapshot.can({ type: e.type, ...e.example, at: AT })).toBe(true);
    } else {
      expect(allowed).toEqual([]);
    }
    // The flattened columns can be computed, so the board can show it.
    expect(summarise(snapshot).stage).not.toBe('unknown');
  });

  it('keeps a mid-checks snapshot mid-checks, with cleared checks still cleared and the chaser state kept', () => {
    for (const f of fixtures.filter((x) => x.name.includes('checks-references-chased'))) {
      const snapshot = loadSnapshot(machines, f);
      expect(snapshot.value, label(f)).toEqual(f.snapshot && (f.snapshot as { value: unknown }).value);
      expect(JSON.stringify(snapshot.value)).toContain('"references":{"requested":"chased"}');
    }
  });

  it('moves a version 1 offer that expired or was declined to the finished states of version 2', () => {
    const expired = loadSnapshot(machines, fixtures.find((f) => label(f) === 'domestic-v1-offer-expired')!);
    expect(expired.value).toBe('offerExpired');
    expect(expired.status).toBe('done');
    expect(summarise(expired)).toMatchObject({ state: 'offerExpired', stage: 'closed', status: 'closed' });
    const declined = loadSnapshot(machines, fixtures.find((f) => label(f) === 'domestic-v1-offer-declined')!);
    expect(summarise(declined)).toMatchObject({ state: 'offerDeclined', status: 'withdrawn' });
  });
});

describe('version 2 → 3: when things happened', () => {
  it('copies a v2 journey’s own timestamps into context.when, so its next events are held to their order', () => {
    const f = fixtures.find((x) => label(x) === 'domestic-v2-checks-references-chased')!;
    const stored = (f.snapshot as { context: Record<string, any> }).context;
    const loaded = loadSnapshot(machines, f).context as Record<string, any>;
    expect(loaded.when).toMatchObject({
      offerMade: stored.offer.madeAt, offerAccepted: stored.offer.acceptedAt, 'identity.cleared': stored.identityClearedAt,
    });
    // v2 cleared identity only with the originals seen in person.
    expect(loaded.identityCheck).toEqual({ method: 'in_person', originalsSeenAt: stored.identityClearedAt });
  });
});

describe('a journey stored by an earlier Intake', () => {
  it.each(fixtures.filter(stillActive).map((f) => [label(f), f] as const))('%s can be advanced through the API', async (_, f) => {
    const id = await journeyWith(f, f.snapshot);
    const before = await t.get(`/api/candidates/${id}`);
    expect(before.status).toBe(200);
    expect(before.body.journey.warning).toBeUndefined();
    expect(before.body.journey.machineVersion).toBe(f.machineVersion);
    const next = before.body.journey.allowedEvents.find((e: { intent: string }) => e.intent === 'advance');
    expect(next, `an advance event is allowed at ${f.state}`).toBeDefined();

    const res = await t.post(`/api/candidates/${id}/events`, { type: next.type, ...next.example });
    expect(res.status).toBe(200);
    expect(res.body.journey.version).toBe(before.body.journey.version + 1);
    // Written back by the current machine, so it is recorded as the current version.
    expect(res.body.journey.machineVersion).toBe(machineVersions[f.programme]);
    const history = await t.get(`/api/candidates/${id}/history`);
    expect(history.body.items.at(-1)).toMatchObject({ type: next.type, from: before.body.journey.state });
  });

  it.each(fixtures.filter((f) => !stillActive(f)).map((f) => [label(f), f] as const))('%s is shown as finished and takes no more events', async (_, f) => {
    const id = await journeyWith(f, f.snapshot);
    const view = await t.get(`/api/candidates/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.journey.allowedEvents).toEqual([]);
    expect(view.body.journey.warning).toBeUndefined();
    const res = await t.post(`/api/candidates/${id}/events`, { type: 'withdrawn', reason: 'Changed my mind' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('event_not_allowed');
  });
});

describe('a snapshot naming a state the machine does not have', () => {
  const fixture = fixtures.find((f) => label(f) === `domestic-v${machineVersions.domestic}-applied`)!;
  const teleported = { ...(fixture.snapshot as Record<string, unknown>), value: 'teleported' };

  it('is refused for events with 409 journey_outdated, not a 500', async () => {
    const id = await journeyWith(fixture, teleported, 'teleported');
    const res = await t.post(`/api/candidates/${id}/events`, { type: 'screeningStarted' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('journey_outdated');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('is still shown, with a warning and no allowed events', async () => {
    const id = await journeyWith(fixture, teleported, 'teleported');
    const res = await t.get(`/api/candidates/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.journey.warning).toMatch(/version/);
    expect(res.body.journey.allowedEvents).toEqual([]);
    expect(res.body.journey.state).toBe('teleported');
  });

  it('fails to load with journey_outdated in loadSnapshot too', () => {
    expect(() => loadSnapshot(machines, { ...fixture, snapshot: teleported })).toThrow(expect.objectContaining({ code: 'journey_outdated' }));
  });
});
