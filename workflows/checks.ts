// The six NHS Employment Check Standards, defined once and reused by every programme. Each check
// is a region of a parallel state; the parallel state is done when every check is cleared,
// waived or not required.
import type { CheckName, CheckStatus, Owner, StateConfig, StateMeta } from './types.js';

interface CheckSpec {
  title: string;
  /** What the candidate must provide, in plain words. */
  candidateTask: string;
  /** Who reviews what the candidate sent: occupational health is a third party. */
  reviewer: Owner;
  /** Only the references check may be waived, and only with a named approver (DOMAIN.md). */
  waivable: boolean;
  /** Extra guard on sending to a third party and on clearing (DBS waits for identity). */
  clearGuard?: string;
  /** Where the check starts when it is needed. */
  initial: 'awaitingCandidate' | 'received';
}

export const checkSpecs: Record<CheckName, CheckSpec> = {
  identity: { title: 'Identity check', candidateTask: 'Bring 2 photo IDs and 1 proof of address (or 1 photo ID and 2 proofs of address) so we can see the originals.', reviewer: 'recruiter', waivable: false, initial: 'awaitingCandidate' },
  rightToWork: { title: 'Right to work', candidateTask: 'Send us your Home Office share code, or bring your passport or eVisa details.', reviewer: 'recruiter', waivable: false, initial: 'awaitingCandidate' },
  registration: { title: 'Professional registration', candidateTask: 'Confirm your registration number so we can check the register.', reviewer: 'recruiter', waivable: false, initial: 'received' },
  references: { title: 'Employment history and references', candidateTask: 'Give us referees covering the last 3 years, including your two most recent employers.', reviewer: 'recruiter', waivable: true, initial: 'awaitingCandidate' },
  dbs: { title: 'Criminal record check (DBS)', candidateTask: 'Complete the DBS application form we sent you.', reviewer: 'recruiter', waivable: false, clearGuard: 'identityVerified', initial: 'awaitingCandidate' },
  workHealth: { title: 'Occupational health', candidateTask: 'Complete the occupational health questionnaire.', reviewer: 'third_party', waivable: false, clearGuard: 'offerAccepted', initial: 'awaitingCandidate' },
};

const meta = (check: CheckName, checkStatus: CheckStatus, owner: Owner, detail: string): { meta: StateMeta } => ({
  meta: { title: checkSpecs[check].title, detail, owner, check, checkStatus },
});

/** States every check shares after the candidate has supplied what was asked. */
function reviewStates(check: CheckName) {
  const spec = checkSpecs[check];
  const guard = spec.clearGuard ? { guard: spec.clearGuard } : {};
  const clearActions = { identity: ['recordIdentityCleared'], registration: ['recordRegistration'], rightToWork: ['recordRightToWork'] }[check as string] ?? [];
  return {
    received: {
      ...meta(check, 'received', spec.reviewer, 'We have what we need and are reviewing it.'),
      on: {
        [`${check}.cleared`]: { target: 'cleared', ...guard, actions: clearActions },
        [`${check}.referred`]: { target: 'inProgress', ...guard },
        [`${check}.queryRaised`]: { target: 'queryRaised', actions: [{ type: 'email', params: { template: 'checkQuery', to: 'candidate' } }] },
        [`${check}.failed`]: { target: 'failed' },
      },
    },
    inProgress: {
      ...meta(check, 'in_progress', 'third_party', 'Waiting for an outside organisation to reply.'),
      on: { [`${check}.returned`]: { target: 'received' } },
    },
    queryRaised: {
      ...meta(check, 'query_raised', 'candidate', 'We need more information from you: see our message.'),
      on: { [`${check}.submitted`]: { target: 'received' } },
    },
    failed: meta(check, 'failed', 'recruiter', 'This check did not pass; your recruiter will contact you.'),
    cleared: { type: 'final' as const, ...meta(check, 'cleared', 'none', 'Done.') },
    notRequired: { type: 'final' as const, ...meta(check, 'not_required', 'none', 'Not needed for your role.') },
    ...(spec.waivable ? { waived: { id: `${check}Waived`, type: 'final' as const, ...meta(check, 'waived', 'none', 'Waived with approval.') } } : {}),
  };
}

/** The region itself: its child states say who acts; this names the check for diagrams. */
const regionMeta = (check: CheckName): { meta: StateMeta } => ({
  meta: { title: checkSpecs[check].title, detail: checkSpecs[check].candidateTask, owner: 'recruiter' },
});

const waiveFrom = (check: CheckName) =>
  checkSpecs[check].waivable
    ? { [`${check}.waived`]: { target: `#${check}Waived`, actions: [{ type: 'recordWaiver', params: { check } }] } }
    : {};

function standardCheck(check: CheckName) {
  const spec = checkSpecs[check];
  const notRequired = { guard: { type: 'checkNotRequired', params: { check } }, target: 'notRequired' };
  return {
    initial: spec.initial,
    ...regionMeta(check),
    states: {
      ...(spec.initial === 'awaitingCandidate'
        ? {
            awaitingCandidate: {
              ...meta(check, 'awaiting_candidate', 'candidate', spec.candidateTask),
              always: notRequired,
              on: { [`${check}.submitted`]: { target: 'received' } },
            },
          }
        : {}),
      ...reviewStates(check),
      ...(spec.initial === 'received' ? { received: { ...reviewStates(check).received, always: notRequired } } : {}),
    },
  };
}

/**
 * References: the candidate names referees (their periods must cover the years required);
 * requests go out; chasers on the policy days (3, 6, 9 and 12 by default) with alerts to the
 * candidate and recruiter, then the HR contact; on the last day a final chaser goes and the
 * candidate is asked for another referee (a late answer is still taken). An answer that gives
 * concern waits for a senior decision; a rejected one needs another referee.
 */
function referencesCheck() {
  const check: CheckName = 'references';
  const base = reviewStates(check);
  const email = (template: string, to: string) => ({ type: 'email', params: { template, to } });
  const waive = {
    ...waiveFrom(check),
    'references.waiverRequested': { actions: ['recordWaiverRequest'] },
  };
  const provided = { 'references.refereesProvided': { target: '#referencesRequested', actions: ['recordReferees', email('referenceRequest', 'referees')] } };
  const decide = {
    'references.concernReviewed': [
      { guard: 'concernRejected', target: '#referencesNeedAnotherReferee', actions: ['recordConcernDecision'] },
      { actions: ['recordConcernDecision'] },
    ],
  };
  const answered = {
    'references.received': [
      { guard: 'lastReferenceIn', target: '#referencesReceived', actions: ['recordReference'] },
      { actions: ['recordReference'] },
    ],
  };
  return {
    initial: 'awaitingCandidate',
    ...regionMeta(check),
    states: {
      awaitingCandidate: {
        ...meta(check, 'awaiting_candidate', 'candidate', checkSpecs.references.candidateTask),
        always: { guard: { type: 'checkNotRequired', params: { check } }, target: 'notRequired' },
        on: { ...waive, ...provided },
      },
      requested: {
        id: 'referencesRequested',
        ...meta(check, 'in_progress', 'third_party', 'We have asked your referees and are waiting for their replies.'),
        initial: 'waiting',
        on: { ...waive, ...answered, ...decide },
        states: {
          waiting: { ...meta(check, 'in_progress', 'third_party', 'We have asked your referees.'), after: { referenceChase1: 'chased' } },
          chased: {
            ...meta(check, 'in_progress', 'third_party', 'We have reminded your referees.'),
            entry: [email('referenceChaser', 'referees')],
            after: { referenceChase2: 'alerted' },
          },
          alerted: {
            ...meta(check, 'in_progress', 'candidate', 'Your referees have not replied yet: please ask them to answer our request.'),
            entry: [email('referenceChaser', 'referees'), email('referenceDelayed', 'candidate'), email('referenceDelayed', 'recruiter')],
            after: { referenceChase3: 'alertedAgain' },
          },
          alertedAgain: {
            ...meta(check, 'in_progress', 'candidate', 'Your referees have still not replied: please contact them.'),
            entry: [email('referenceChaser', 'referees'), email('referenceDelayed', 'candidate'), email('referenceDelayed', 'recruiter')],
            after: { referenceHrAlert: 'escalated' },
          },
          escalated: {
            ...meta(check, 'in_progress', 'recruiter', 'We have asked the employer’s HR team for the reference.'),
            entry: [email('referenceEscalated', 'hr')],
            after: { referenceGiveUp: '#referencesNeedAnotherReferee' },
          },
        },
      },
      needAnotherReferee: {
        id: 'referencesNeedAnotherReferee',
        ...meta(check, 'awaiting_candidate', 'candidate', 'A referee has not answered: please give us another referee.'),
        // The last chaser goes with the request for another referee; a late answer still counts.
        entry: [email('referenceChaser', 'referees'), email('anotherRefereeNeeded', 'candidate')],
        on: { ...waive, ...provided, ...answered, ...decide },
      },
      ...base,
      received: { ...base.received, id: 'referencesReceived', on: { ...base.received.on, ...waive, ...decide } },
      queryRaised: { ...base.queryRaised, on: { ...base.queryRaised.on, ...waive } },
      failed: { ...base.failed, on: waive },
    },
  };
}

/**
 * Whether a check applies on a programme: `always` (no not-required branch), `sometimes` (decided
 * by the checkNotRequired guard from the route and profession when the checks start), or `never`
 * (the region is just a done "not required"). A machine holds only states it can reach.
 */
export type CheckApplies = 'always' | 'sometimes' | 'never';

function applying(region: StateConfig, check: CheckName, applies: CheckApplies): StateConfig {
  const states = region.states as Record<string, StateConfig>;
  if (applies === 'never') {
    return { ...regionMeta(check), initial: 'notRequired', states: { notRequired: states.notRequired! } };
  }
  if (applies === 'sometimes') return region;
  const pruned = Object.fromEntries(
    Object.entries(states)
      .filter(([key]) => key !== 'notRequired')
      .map(([key, state]) => {
        const { always: _always, ...rest } = state;
        return [key, rest];
      }),
  );
  return { ...region, states: pruned };
}

/** The parallel `checks` state body: one region per check. `onDone` is the machine's to set. */
export function checkRegions(applies: Partial<Record<CheckName, CheckApplies>> = {}): StateConfig {
  const regions: Record<CheckName, StateConfig> = {
    identity: standardCheck('identity'),
    rightToWork: standardCheck('rightToWork'),
    registration: standardCheck('registration'),
    references: referencesCheck(),
    dbs: standardCheck('dbs'),
    workHealth: standardCheck('workHealth'),
  };
  return Object.fromEntries(Object.entries(regions).map(([check, region]) => [check, applying(region, check as CheckName, applies[check as CheckName] ?? 'sometimes')]));
}
