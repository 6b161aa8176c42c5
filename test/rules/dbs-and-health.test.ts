// DOMAIN.md: criminal record (DBS) and work health (occupational health), through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../workflows/policy.js';
import { dbsEvidence } from '../support/evidence.js';
import { startTestIntake, type TestIntake } from '../support/intake.js';
import { accepted, atState, both, candidateAt, checkStatus, day, invalidAt, journeyOf, refusedBy, send } from './support.js';

let t: TestIntake;
beforeAll(async () => { t = await startTestIntake(); });
afterAll(async () => { await t?.close(); });

const dbsReceived = (profession = 'registered_nurse', intake = t) => candidateAt(intake, both(checkStatus('identity', 'cleared'), checkStatus('dbs', 'received')), { profession });
/** A new certificate from our application (not on the Update Service), issued today. */
const newCertificate = (level: string, over: Record<string, unknown> = {}) => ({ certificateNumber: '001234567890', issueDate: day(t, 0), level, outcome: 'clear', ...over });

describe('DBS: the level the role needs (a policy table per profession)', () => {
  it('refuses a basic check for a registered nurse in direct care, and takes enhanced with the adults’ barred list', async () => {
    const id = await dbsReceived();
    const detail = refusedBy(await send(t, id, 'dbs.cleared', newCertificate('basic')), 'dbs.levelForRole', 'level');
    expect(detail).toContain('enhanced with the adults’ barred list');
    refusedBy(await send(t, id, 'dbs.cleared', newCertificate('enhanced')), 'dbs.levelForRole');
    accepted(await send(t, id, 'dbs.cleared', newCertificate('enhanced_adults_barred')));
  });

  it('needs both barred lists for a midwife (policy) and takes a basic check for non-clinical staff', async () => {
    expect(defaultPolicy.dbsLevelByProfession.midwife).toBe('enhanced_both_barred');
    const midwife = await dbsReceived('midwife');
    refusedBy(await send(t, midwife, 'dbs.cleared', newCertificate('enhanced_adults_barred')), 'dbs.levelForRole');
    accepted(await send(t, midwife, 'dbs.cleared', newCertificate('enhanced_both_barred')));
    const clerk = await dbsReceived('non_clinical');
    accepted(await send(t, clerk, 'dbs.cleared', newCertificate('basic')));
  });

  it('takes the level from the configured policy', async () => {
    const strict = await startTestIntake({ policy: { dbsLevelByProfession: { ...defaultPolicy.dbsLevelByProfession, non_clinical: 'standard' } } });
    try {
      const id = await dbsReceived('non_clinical', strict);
      const today = strict.clock.now().toISOString().slice(0, 10);
      refusedBy(await send(strict, id, 'dbs.cleared', { ...newCertificate('basic'), issueDate: today }), 'dbs.levelForRole');
      accepted(await send(strict, id, 'dbs.cleared', { ...newCertificate('standard'), issueDate: today }));
    } finally {
      await strict.close();
    }
  });
});

describe('DBS: issue date not in the future', () => {
  it('refuses a certificate dated tomorrow', async () => {
    const id = await dbsReceived();
    refusedBy(await send(t, id, 'dbs.cleared', newCertificate('enhanced_adults_barred', { issueDate: day(t, 1) })), 'dbs.issueDateInFuture', 'issueDate');
  });
});

describe('DBS: after the offer, once identity is verified (an earlier certificate only through the Update Service)', () => {
  it('refuses a new certificate issued before identity was verified, and takes it on the Update Service', async () => {
    const id = await dbsReceived();
    const identity = (await journeyOf(t, id)).context.when['identity.cleared'] as string;
    const before = new Date(Date.parse(identity) - 5 * 86_400_000).toISOString().slice(0, 10);
    refusedBy(await send(t, id, 'dbs.cleared', newCertificate('enhanced_adults_barred', { issueDate: before })), 'dbs.afterIdentity', 'issueDate');
    accepted(await send(t, id, 'dbs.cleared', newCertificate('enhanced_adults_barred', { issueDate: before, updateService: true, updateServiceSubscribedOn: before })));
  });
});

describe('DBS: Update Service on standard or enhanced checks only, subscribed within 30 days of issue', () => {
  it('refuses the Update Service on a basic check', async () => {
    const id = await dbsReceived('non_clinical');
    invalidAt(await send(t, id, 'dbs.cleared', newCertificate('basic', { updateService: true, updateServiceSubscribedOn: day(t, 0) })), 'updateService');
  });

  it('refuses a subscription more than 30 days after the issue date, and needs its date', async () => {
    const id = await dbsReceived();
    invalidAt(await send(t, id, 'dbs.cleared', newCertificate('enhanced_adults_barred', { issueDate: day(t, -100), updateService: true, updateServiceSubscribedOn: day(t, -69) })), 'updateServiceSubscribedOn');
    invalidAt(await send(t, id, 'dbs.cleared', newCertificate('enhanced_adults_barred', { updateService: true })), 'updateServiceSubscribedOn');
    accepted(await send(t, id, 'dbs.cleared', newCertificate('enhanced_adults_barred', { issueDate: day(t, -100), updateService: true, updateServiceSubscribedOn: day(t, -70) })));
  });
});

describe('DBS: applicant 16+ (when the date of birth is known)', () => {
  it('refuses a DBS application from a 15-year-old and takes one from a 17-year-old', async () => {
    const id = await candidateAt(t, checkStatus('dbs', 'awaiting_candidate'), { profession: 'healthcare_assistant' });
    const born = (years: number) => `${Number(day(t, 0).slice(0, 4)) - years}${day(t, 0).slice(4)}`;
    refusedBy(await send(t, id, 'dbs.submitted', { dateOfBirth: born(15) }), 'dbs.minimumAge', 'dateOfBirth');
    accepted(await send(t, id, 'dbs.submitted', { dateOfBirth: born(17) }));
  });
});

describe('DBS: record number, issue date, level, outcome — never a copy', () => {
  it('refuses anything else about the certificate, and a disclosure without who assessed it', async () => {
    const id = await dbsReceived();
    invalidAt(await send(t, id, 'dbs.cleared', { ...dbsEvidence(t.clock.now()), certificateScan: 'data:image/png;base64,AAAA' }), 'certificateScan');
    invalidAt(await send(t, id, 'dbs.cleared', { ...dbsEvidence(t.clock.now()), outcome: 'information_disclosed_risk_assessed' }), 'riskAssessedBy');
    accepted(await send(t, id, 'dbs.cleared', { ...dbsEvidence(t.clock.now()), outcome: 'information_disclosed_risk_assessed', riskAssessedBy: 'Head of Safeguarding' }));
  });
});

describe('work health: only after an offer (Equality Act s.60)', () => {
  it('takes no occupational health step before the offer is accepted', async () => {
    const id = await candidateAt(t, atState('offer.offered'));
    const res = await send(t, id, 'workHealth.submitted');
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('not possible at this step');
  });

  it('refuses an occupational health clearance dated before the offer was accepted', async () => {
    const id = await candidateAt(t, checkStatus('workHealth', 'received'));
    const accepted_ = (await journeyOf(t, id)).context.when.offerAccepted as string;
    const before = new Date(Date.parse(accepted_) - 2 * 86_400_000).toISOString().slice(0, 10);
    const detail = refusedBy(await send(t, id, 'workHealth.cleared', { outcome: 'fit', occurredOn: before }), 'when.beforePrevious', 'occurredOn');
    expect(detail).toContain('the offer was accepted');
  });
});

describe('work health: OH clears, clears with restrictions, or needs more', () => {
  it('needs the restrictions named when it clears with restrictions, and only clears', async () => {
    const id = await candidateAt(t, checkStatus('workHealth', 'received'));
    invalidAt(await send(t, id, 'workHealth.cleared', { outcome: 'fit_with_restrictions' }), 'restrictions');
    invalidAt(await send(t, id, 'workHealth.cleared', { outcome: 'fit_with_restrictions', restrictions: ['other'] }), 'restrictionDetails');
    invalidAt(await send(t, id, 'workHealth.cleared', { outcome: 'needs_appointment' }), 'outcome');
    accepted(await send(t, id, 'workHealth.cleared', { outcome: 'fit_with_restrictions', restrictions: ['no_exposure_prone_procedures'] }));
  });
});
