// Events of the six pre-employment checks, generated per check so every check speaks the same
// verbs; clearing a check carries the evidence its standard requires (workflows/standards/),
// as typed items a form can be built on, never free-form JSON.
import { z } from 'zod';
import { checkNames, type CheckName, type JourneyContext } from '../types.js';
import { checkSpecs } from '../checks.js';
import { registrationExampleFor } from '../rules.js';
import { dbsApplication, dbsEvidence } from '../standards/dbs.js';
import { identityEvidence } from '../standards/identity.js';
import { concernDecision, referenceAnswers, refereesEvidence, waiverApproval, waiverRequest } from '../standards/references.js';
import { registrationEvidence, registrationRecheck } from '../standards/registration.js';
import { rightToWorkEvidence, rightToWorkSubmission } from '../standards/right-to-work.js';
import { workHealthEvidence } from '../standards/work-health.js';
import type { EventCatalog, EventSpec } from './types.js';
import { dateAfter, dateBefore, happenedWithNote, occurredOn, reason } from './fields.js';

/** What clearing each check records. DBS: number, date, level, outcome only — never a copy. */
const clearance: Record<CheckName, Pick<EventSpec, 'schema' | 'example'>> = {
  identity: {
    schema: identityEvidence,
    example: (_, at) => ({
      method: 'in_person',
      documents: [
        { kind: 'passport', use: 'photo', expiresOn: dateAfter(at, 6 * 365), originalSeen: true },
        { kind: 'photocard_driving_licence', use: 'photo', expiresOn: dateAfter(at, 4 * 365), originalSeen: true },
        { kind: 'utility_bill', use: 'address', issuedOn: dateBefore(at, 20), issuer: 'Yorkshire Water', originalSeen: true },
      ],
    }),
  },
  rightToWork: {
    schema: rightToWorkEvidence,
    example: () => ({ method: 'share_code', shareCode: 'W9K4X2P7Q', permission: 'unlimited' }),
  },
  registration: {
    schema: registrationEvidence,
    example: (ctx, at) => {
      const { body, number } = ctx.registration ?? registrationExampleFor(ctx.profession) ?? { body: 'NMC', number: '71A2998E' };
      return { body, number, status: 'registered', renewalDueOn: dateAfter(at, 200), ...(body === 'GMC' ? { licenceToPractise: true } : {}) };
    },
  },
  references: { schema: happenedWithNote, example: () => ({}) },
  dbs: {
    schema: dbsEvidence,
    example: (_, at) => ({
      certificateNumber: '001234567890', issueDate: dateBefore(at, 1), level: 'enhanced_both_barred', outcome: 'clear',
      updateService: true, updateServiceSubscribedOn: dateBefore(at, 1),
    }),
  },
  workHealth: { schema: workHealthEvidence, example: () => ({ outcome: 'fit' }) },
};

/** What the guards on a check's own steps require, in plain words (the fallback of a refusal). */
const clearRules: Partial<Record<CheckName, string>> = {
  dbs: 'a DBS check can only be sent or cleared once the identity check is cleared',
  workHealth: 'occupational health questions come only after a conditional offer is accepted (Equality Act s.60)',
  registration: 'the number must be on the register the profession belongs to, in that regulator’s format, and the register must show a current registration',
};

function eventsFor(check: CheckName): EventCatalog {
  const title = checkSpecs[check].title;
  const rule = clearRules[check] ? { rule: clearRules[check] } : {};
  const events: EventCatalog = {
    [`${check}.submitted`]: check === 'dbs'
      ? { label: `${title}: candidate supplied`, intent: 'advance', schema: dbsApplication, example: () => ({}) }
      : check === 'rightToWork'
      ? { label: `${title}: candidate supplied`, intent: 'advance', schema: rightToWorkSubmission, example: () => ({}) }
      : { label: `${title}: candidate supplied`, intent: 'advance', schema: happenedWithNote, example: () => ({}) },
    [`${check}.cleared`]: { label: `${title}: clear`, intent: 'advance', ...clearance[check], ...rule },
    [`${check}.referred`]: { label: `${title}: send to third party`, intent: 'hold', schema: happenedWithNote, example: () => ({}), ...rule },
    [`${check}.returned`]: { label: `${title}: third party replied`, intent: 'advance', schema: happenedWithNote, example: () => ({}) },
    [`${check}.queryRaised`]: { label: `${title}: raise a query`, intent: 'hold', schema: z.strictObject({ question: reason }), example: () => ({ question: 'Please send a clearer copy of your proof of address.' }) },
    [`${check}.failed`]: { label: `${title}: fail`, intent: 'hold', schema: z.strictObject({ reason, occurredOn }), example: () => ({ reason: 'Documents could not be verified' }) },
  };
  if (checkSpecs[check].waivable) {
    events[`${check}.waiverRequested`] = {
      label: `${title}: ask for a waiver`, intent: 'hold', schema: waiverRequest,
      example: () => ({ reason: 'Three years cannot be covered: the candidate was in full-time education' }),
    };
    events[`${check}.waived`] = {
      label: `${title}: approve the waiver`, intent: 'hold', schema: waiverApproval,
      rule: 'a waiver is asked for first, then approved by someone other than the member of staff who asked',
      example: () => ({ approvedBy: 'Dr Amara Osei', approverRole: 'Head of Temporary Staffing', reason: 'Character references cover the years in education' }),
    };
  }
  return events;
}

/** Referees who together cover the years required back from `at` (a current and a previous employer). */
function exampleReferees(ctx: JourneyContext, at: string) {
  const needed = Math.max(1, ctx.referencesRequired - ctx.referencesReceived.length);
  const n = ctx.referees.length;
  const current = { relationship: 'line_manager', jobTitle: 'Ward Manager', organisation: 'Example NHS Foundation Trust' };
  if (needed === 1) return [{ name: `Referee ${n + 1}`, email: `referee${n + 1}@example.org`, ...current, coversFrom: dateBefore(at, 5 * 365) }];
  return Array.from({ length: needed }, (_, i) => ({
    name: `Referee ${n + i + 1}`,
    email: `referee${n + i + 1}@example.org`,
    ...(i === 0
      ? { ...current, coversFrom: dateBefore(at, 2 * 365) }
      : { relationship: 'employer', jobTitle: 'Registered Manager', organisation: `Previous Employer ${i}`, coversFrom: dateBefore(at, 6 * 365), coversTo: dateBefore(at, 2 * 365 + 1) }),
  }));
}

export const checkEvents: EventCatalog = {
  ...Object.assign({}, ...checkNames.map(eventsFor)),
  'references.refereesProvided': {
    label: 'References: referees provided',
    intent: 'advance',
    schema: refereesEvidence,
    rule: 'together with references already received, the referees must make up the number required and cover 3 consecutive years',
    example: (ctx, at) => ({ referees: exampleReferees(ctx, at) }),
  },
  'references.received': {
    label: 'References: reference received',
    intent: 'advance',
    schema: referenceAnswers,
    rule: 'the reference must come from a referee we asked who has not already answered',
    example: (ctx) => ({
      refereeEmail: ctx.referees.find((r) => !ctx.referencesReceived.includes(r.email))?.email ?? 'referee1@example.org',
      datesConfirmed: true,
      roleConfirmed: true,
      wouldReemploy: 'yes',
    }),
  },
  'references.concernReviewed': {
    label: 'References: record a senior decision on a concern',
    intent: 'hold',
    schema: concernDecision,
    example: (ctx) => ({
      refereeEmail: ctx.referenceConcerns?.find((c) => !c.decision)?.email ?? ctx.referencesReceived[0] ?? 'referee1@example.org',
      decision: 'accept', decidedBy: 'Dr Amara Osei', decidedByRole: 'Head of Temporary Staffing',
      reason: 'Dates differ by two weeks from the CV; confirmed with the candidate, no concern for practice.',
    }),
  },
  'identity.originalsSeen': {
    label: 'Identity: originals seen in person',
    intent: 'hold',
    schema: happenedWithNote,
    example: () => ({}),
  },
  'registration.reverified': {
    label: 'Registration: register checked again',
    // Offered only when it is due (before a first shift), and then it moves the start on.
    intent: 'advance',
    schema: registrationRecheck,
    example: (ctx, at) => ({ status: 'registered', renewalDueOn: ctx.registration?.renewalDueOn && ctx.registration.renewalDueOn > dateAfter(at, 30) ? ctx.registration.renewalDueOn : dateAfter(at, 200) }),
  },
};
