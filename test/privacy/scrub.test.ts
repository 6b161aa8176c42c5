// The scrubbed snapshot must still load: every fixture snapshot (each programme, each machine
// version) is scrubbed and resolved by the current machines, in the same state as before.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, summarise } from '../../src/engine/snapshot.js';
import { RefereePseudonyms, needlesOf, refereeEmails, scrubPayload, scrubSnapshot } from '../../src/services/privacy/scrub.js';
import { buildMachines } from '../../workflows/index.js';
import { defaultPolicy } from '../../workflows/policy.js';

const dir = new URL('../fixtures/snapshots/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => ({ file: f, ...(JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { programme: string; machineVersion: number; snapshot: Record<string, any> }) }));
const machines = buildMachines(defaultPolicy);

describe('scrubbing a snapshot', () => {
  it.each(fixtures.map((f) => [f.file, f] as const))('leaves %s loadable in the same state, with nothing personal left', (_name, fixture) => {
    const pseudonyms = new RefereePseudonyms(refereeEmails([fixture.snapshot]));
    const scrubbed = scrubSnapshot(fixture.snapshot, pseudonyms, []) as Record<string, any>;
    const before = loadSnapshot(machines, fixture);
    const after = loadSnapshot(machines, { ...fixture, snapshot: scrubbed });
    expect(summarise(after)).toEqual(summarise(before));
    expect(scrubSnapshot(scrubbed, new RefereePseudonyms(refereeEmails([scrubbed])), [])).toEqual(scrubbed);
    const text = JSON.stringify(scrubbed.context);
    expect(text).not.toMatch(/@example\.org|Example NHS Foundation Trust|71A2998E|Bank office|Ward 12|Northampton OSCE/);
  });
});

describe('scrubbing a history payload', () => {
  const pseudonyms = new RefereePseudonyms(['amy@example.org']);

  it('keeps structured, non-identifying fields and marks what it removed', () => {
    expect(scrubPayload({ careExperienceMonths: 24, body: 'NMC', number: '71A2998E', note: 'Lovely' }, pseudonyms, [])).toEqual({ careExperienceMonths: 24, body: 'NMC', erased: true });
    expect(scrubPayload({ module: 'fire_safety' }, pseudonyms, [])).toEqual({ module: 'fire_safety' });
  });

  it('drops every DBS certificate detail and any field it does not know', () => {
    expect(scrubPayload({ certificateNumber: '001234567890', issueDate: '2026-01-01', level: 'enhanced', outcome: 'clear', updateService: true, somethingNew: 'x' }, pseudonyms, [])).toEqual({ erased: true });
  });

  it('pseudonymises referees the same way in every payload', () => {
    expect(scrubPayload({ refereeEmail: 'AMY@example.org', datesConfirmed: true }, pseudonyms, [])).toEqual({ refereeEmail: 'referee-1@erased.invalid', datesConfirmed: true });
    expect(scrubPayload({ referees: [{ name: 'Amy', email: 'amy@example.org', organisation: 'Trust', relationship: 'employer' }, { name: 'Bo', email: 'bo@example.org', organisation: 'T', relationship: 'character' }] }, pseudonyms, []))
      .toEqual({ referees: [
        { name: 'Referee 1', email: 'referee-1@erased.invalid', organisation: '[erased]', relationship: 'employer' },
        { name: 'Referee 2', email: 'referee-2@erased.invalid', organisation: '[erased]', relationship: 'character' },
      ] });
  });

  it('redacts a kept value that still carries the person’s name or contact details', () => {
    const needles = needlesOf({ fullName: 'Grace Okafor', email: 'grace@example.com', phone: null, postcode: null });
    expect(scrubPayload({ band: 'Band for Grace Okafor', module: 'fire_safety' }, pseudonyms, needles)).toEqual({ band: '[erased]', module: 'fire_safety' });
  });
});
