// DOMAIN.md, "The six NHS Employment Check Standards": identity and right to work, through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityEvidence, rightToWorkEvidence } from '../support/evidence.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { accepted, atState, both, candidateAt, checkStatus, day, invalidAt, journeyOf, refusedBy, send } from './support.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const photo = (kind = 'passport') => ({ kind, use: 'photo', expiresOn: day(t, 900), originalSeen: true });
const address = (kind = 'utility_bill', daysOld = 20, issuer?: string) => ({ kind, use: 'address', issuedOn: day(t, -daysOld), originalSeen: true, ...(issuer ? { issuer } : {}) });
const identityReceived = () => candidateAt(t, checkStatus('identity', 'received'));

describe('identity: 2 photo IDs + 1 proof of address, or 1 photo ID + 2 proofs of address', () => {
  it('refuses identity cleared on a single passport, naming the documents', async () => {
    const id = await identityReceived();
    const detail = invalidAt(await send(t, id, 'identity.cleared', { method: 'in_person', documents: [photo()] }), 'documents');
    expect(detail).toContain('2 photo IDs and 1 proof of address, or 1 photo ID and 2 proofs of address');
  });

  it('refuses 1 photo ID and 1 proof of address', async () => {
    const id = await identityReceived();
    invalidAt(await send(t, id, 'identity.cleared', { method: 'in_person', documents: [photo(), address()] }), 'documents');
  });

  it('clears on 1 photo ID and 2 proofs of address, and on 2 photo IDs and 1 proof of address', async () => {
    const one = await identityReceived();
    accepted(await send(t, one, 'identity.cleared', { method: 'in_person', documents: [photo(), address('utility_bill'), address('council_tax_statement', 200)] }));
    const two = await identityReceived();
    const journey = accepted(await send(t, two, 'identity.cleared', { method: 'in_person', documents: [photo(), photo('biometric_residence_permit'), address('bank_statement')] }));
    expect(journey.checks.find((c) => c.name === 'identity')!.status).toBe('cleared');
  });

  it('counts a document only for what it can prove: a utility bill is not a photo ID', async () => {
    const id = await identityReceived();
    invalidAt(await send(t, id, 'identity.cleared', { method: 'in_person', documents: [photo(), { ...address(), use: 'photo', expiresOn: day(t, 30) }, address()] }), 'documents.1.kind');
  });

  it('counts a photocard driving licence as a photo ID or a proof of address, not both', async () => {
    const id = await identityReceived();
    const licence = photo('photocard_driving_licence');
    invalidAt(await send(t, id, 'identity.cleared', { method: 'in_person', documents: [licence, { ...licence, use: 'address' }, address()] }), 'documents');
  });

  it('counts two proofs of address from the same provider once', async () => {
    const id = await identityReceived();
    invalidAt(await send(t, id, 'identity.cleared', { method: 'in_person', documents: [photo(), address('utility_bill', 20, 'Yorkshire Water'), address('bank_statement', 10, 'yorkshire water')] }), 'documents');
  });
});

describe('identity: originals seen in person (IDVT allowed, but originals still seen by start)', () => {
  it('refuses an in-person check where an original was not seen', async () => {
    const id = await identityReceived();
    invalidAt(await send(t, id, 'identity.cleared', { method: 'in_person', documents: [photo(), photo('photocard_driving_licence'), { ...address(), originalSeen: false }] }), 'documents.2.originalSeen');
  });

  it('lets identity clear by IDVT, then refuses the first shift until the originals are seen in person', async () => {
    const idvt = (type: string, example: Record<string, unknown>) =>
      (type === 'identity.cleared' ? { ...example, method: 'idvt', documents: (example.documents as object[]).map((d) => ({ ...d, originalSeen: false })) } : example);
    const id = await candidateAt(t, atState('firstShiftBooked'), { adjust: idvt });
    expect((await journeyOf(t, id)).context.identityCheck).toEqual({ method: 'idvt' });
    t.clock.advance(4 * 24 * 60 * 60 * 1000); // the day of the shift has come
    refusedBy(await send(t, id, 'firstShiftWorked'), 'identity.originalsBeforeStart');
    accepted(await send(t, id, 'identity.originalsSeen'));
    refusedBy(await send(t, id, 'identity.originalsSeen'), 'identity.originalsNotPending');
    expect(accepted(await send(t, id, 'firstShiftWorked')).status).toBe('hired');
  });
});

describe('identity: address documents dated within 3–12 months by type (policy)', () => {
  it('refuses a utility bill older than 3 months and accepts a council tax statement of 11 months', async () => {
    const id = await identityReceived();
    const detail = refusedBy(await send(t, id, 'identity.cleared', { method: 'in_person', documents: [photo(), photo('pass_card'), address('utility_bill', 100)] }), 'identity.addressDocumentAge', 'documents.2.issuedOn');
    expect(detail).toContain('within 3 months');
    accepted(await send(t, id, 'identity.cleared', { method: 'in_person', documents: [photo(), photo('pass_card'), address('council_tax_statement', 330)] }));
  });

  it('takes the ages from the policy', async () => {
    const strict = await startTestIntake({ policy: { addressDocumentMaxAgeMonths: { ...(await import('../../workflows/policy.js')).defaultPolicy.addressDocumentMaxAgeMonths, utility_bill: 1 } } });
    try {
      const id = await candidateAt(strict, checkStatus('identity', 'received'));
      const bill = { kind: 'utility_bill', use: 'address', issuedOn: new Date(strict.clock.now().getTime() - 40 * 86_400_000).toISOString().slice(0, 10), originalSeen: true };
      const passport = { kind: 'passport', use: 'photo', expiresOn: '2030-01-01', originalSeen: true };
      refusedBy(await send(strict, id, 'identity.cleared', { method: 'in_person', documents: [passport, { ...passport, kind: 'pass_card' }, bill] }), 'identity.addressDocumentAge');
    } finally {
      await strict.close();
    }
  });

  it('refuses an expired photo ID, and a document dated after the check', async () => {
    const id = await identityReceived();
    refusedBy(await send(t, id, 'identity.cleared', { method: 'in_person', documents: [{ ...photo(), expiresOn: day(t, -1) }, photo('pass_card'), address()] }), 'identity.documentExpired', 'documents.0.expiresOn');
    refusedBy(await send(t, id, 'identity.cleared', { method: 'in_person', documents: [photo(), photo('pass_card'), address('utility_bill', -5)] }), 'identity.documentDate', 'documents.2.issuedOn');
  });
});

describe('identity: must be verified before a DBS application', () => {
  it('refuses to send the DBS application or clear DBS before identity is verified', async () => {
    const id = await candidateAt(t, both(checkStatus('dbs', 'awaiting_candidate'), checkStatus('identity', 'awaiting_candidate')));
    accepted(await send(t, id, 'dbs.submitted'));
    refusedBy(await send(t, id, 'dbs.referred'), 'dbs.identityFirst');
  });
});

describe('right to work: share code online check, manual document check, or IDVT for British/Irish passports', () => {
  const rtwReceived = () => candidateAt(t, checkStatus('rightToWork', 'received'));

  it('needs the 9-character share code for an online check, as written or in threes', async () => {
    const id = await rtwReceived();
    invalidAt(await send(t, id, 'rightToWork.cleared', { method: 'share_code', shareCode: 'W9K4X2P7', permission: 'unlimited' }), 'shareCode');
    invalidAt(await send(t, id, 'rightToWork.cleared', { method: 'share_code', permission: 'unlimited' }), 'shareCode');
    accepted(await send(t, id, 'rightToWork.cleared', { method: 'share_code', shareCode: 'w9k 4x2 p7q', permission: 'unlimited' }));
  });

  it('refuses IDVT for someone who is not a British or Irish passport holder', async () => {
    const id = await rtwReceived();
    const detail = invalidAt(await send(t, id, 'rightToWork.cleared', { method: 'idvt', documentType: 'other_home_office_document', documentExpiresOn: day(t, 400), permission: 'time_limited', permissionExpiresOn: day(t, 400), followUpOn: day(t, 370) }), 'documentType');
    expect(detail).toContain('British or Irish passport');
    accepted(await send(t, id, 'rightToWork.cleared', { method: 'idvt', documentType: 'irish_passport', documentExpiresOn: day(t, 400), permission: 'unlimited' }));
  });

  it('refuses IDVT on an expired passport', async () => {
    const id = await rtwReceived();
    refusedBy(await send(t, id, 'rightToWork.cleared', { method: 'idvt', documentType: 'british_passport', documentExpiresOn: day(t, -3), permission: 'unlimited' }), 'rightToWork.idvtPassportExpired', 'documentExpiresOn');
  });

  it('gives British and Irish citizens permission without a time limit', async () => {
    const id = await rtwReceived();
    invalidAt(await send(t, id, 'rightToWork.cleared', { method: 'manual_document', documentType: 'british_passport', permission: 'time_limited', permissionExpiresOn: day(t, 400), followUpOn: day(t, 300) }), 'permission');
  });
});

describe('right to work: time-limited permission, follow-up check before the permission expiry date', () => {
  const rtwReceived = () => candidateAt(t, checkStatus('rightToWork', 'received'));
  const timeLimited = (expires: number, followUp?: number) => ({
    method: 'share_code', shareCode: 'W9K4X2P7Q', permission: 'time_limited', permissionExpiresOn: day(t, expires), ...(followUp === undefined ? {} : { followUpOn: day(t, followUp) }),
  });

  it('refuses a permission that has already expired', async () => {
    const id = await rtwReceived();
    refusedBy(await send(t, id, 'rightToWork.cleared', timeLimited(-2, -30)), 'rightToWork.permissionExpired', 'permissionExpiresOn');
  });

  it('needs a follow-up check date, before the permission ends', async () => {
    const id = await rtwReceived();
    invalidAt(await send(t, id, 'rightToWork.cleared', timeLimited(200)), 'followUpOn');
    invalidAt(await send(t, id, 'rightToWork.cleared', timeLimited(200, 210)), 'followUpOn');
    const journey = accepted(await send(t, id, 'rightToWork.cleared', timeLimited(200, 170)));
    expect(journey.context.rightToWorkCheck).toEqual({ method: 'share_code', permission: 'time_limited', permissionExpiresOn: day(t, 200), followUpOn: day(t, 170) });
  });

  it('lets no shift be booked on or after the day the permission ends (right to work before any work)', async () => {
    const short = (type: string, example: Record<string, unknown>) => (type === 'rightToWork.cleared' ? timeLimited(5, 2) : example);
    const id = await candidateAt(t, atState('readyToWork'), { adjust: short });
    const ends = (await journeyOf(t, id)).context.rightToWorkCheck.permissionExpiresOn as string;
    refusedBy(await send(t, id, 'firstShiftBooked', { date: ends, ward: 'Ward 12' }), 'rightToWork.permissionEndsBeforeShift', 'date');
  });
});

describe('right to work: a share code’s date of birth is someone of working age', () => {
  it('refuses a date of birth under 16 or over 120 years ago, naming the field', async () => {
    const id = await candidateAt(t, checkStatus('rightToWork', 'awaiting_candidate'));
    const born = (years: number) => `${Number(day(t, 0).slice(0, 4)) - years}${day(t, 0).slice(4)}`;
    const online = (dateOfBirth: string) => ({ route: 'share_code', shareCode: 'W9K 4X2 P7Q', dateOfBirth });
    refusedBy(await send(t, id, 'rightToWork.submitted', online(born(2))), 'rightToWork.dateOfBirth', 'dateOfBirth');
    refusedBy(await send(t, id, 'rightToWork.submitted', online('1850-01-01')), 'rightToWork.dateOfBirth', 'dateOfBirth');
    refusedBy(await send(t, id, 'rightToWork.submitted', online(day(t, 1))), 'when.notInFuture', 'dateOfBirth');
    accepted(await send(t, id, 'rightToWork.submitted', online(born(30))));
  });
});

describe('evidence defaults for the tests above', () => {
  it('are themselves accepted (so a refusal above is the rule it names)', async () => {
    const id = await candidateAt(t, both(checkStatus('identity', 'received'), checkStatus('rightToWork', 'awaiting_candidate')));
    accepted(await send(t, id, 'identity.cleared', identityEvidence(t.clock.now())));
    accepted(await send(t, id, 'rightToWork.submitted'));
    accepted(await send(t, id, 'rightToWork.cleared', rightToWorkEvidence));
  });
});
