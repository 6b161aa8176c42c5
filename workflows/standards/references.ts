// Employment history and references: referees covering 3 consecutive years back from today
// (policy), the two most recent employers among them; gaps longer than the policy's length
// explained; character references only where those years cannot be covered by employment or
// education. A reference comes only from a referee we asked; an answer that does not confirm the
// dates or the role, would not re-employ or writes a concern holds the check until a named senior
// decision is recorded. A waiver needs an approver other than the person who asked for it.
import { z } from 'zod';
import type { Policy } from '../policy.js';
import { type Rule, refuse } from '../refusal.js';
import type { JourneyContext, Referee, ReferenceCoverage } from '../types.js';
import { gapReasons, refereeRelationships } from '../vocabulary.js';
import { addDays, addMonths, daysFrom, longDate, ukDateOf } from '../when.js';
import { email, isoDate, occurredOn, reason, shortText } from '../events/fields.js';
import { happened, inOrder } from './dates.js';

export const referee = z.strictObject({
  name: shortText,
  email,
  /** The employer, place of education, or (character referees) where the referee works. */
  organisation: shortText,
  /** The referee's own job title. */
  jobTitle: shortText.optional(),
  relationship: z.enum(refereeRelationships),
  /** Employment and education referees: the period of the candidate's history they cover. */
  coversFrom: isoDate.optional(),
  /** Left out: the candidate is still there. */
  coversTo: isoDate.optional(),
}).superRefine((r, ctx) => {
  if (r.relationship !== 'character' && !r.coversFrom) ctx.addIssue({ code: 'custom', path: ['coversFrom'], message: 'give the date the employment or study this referee covers began' });
  if (r.relationship === 'character' && (r.coversFrom || r.coversTo)) ctx.addIssue({ code: 'custom', path: ['coversFrom'], message: 'a character referee covers no period of employment' });
  if (r.coversFrom && r.coversTo && r.coversTo < r.coversFrom) ctx.addIssue({ code: 'custom', path: ['coversTo'], message: 'the period must end after it begins' });
});

export const historyGap = z.strictObject({
  from: isoDate,
  to: isoDate,
  reason: z.enum(gapReasons),
  explanation: reason,
}).refine((g) => g.to >= g.from, { message: 'the gap must end after it begins', path: ['to'] });

export const refereesEvidence = z.strictObject({
  referees: z.array(referee).min(1).max(6).refine((rs) => new Set(rs.map((r) => r.email.toLowerCase())).size === rs.length, 'each referee needs their own email address'),
  /** Periods in the last 3 years outside employment and education, with the reason. */
  gaps: z.array(historyGap).max(20).optional(),
});

const reemploy = z.enum(['yes', 'no', 'unsure']);

/** A referee's answers: the facts they confirm, and anything that gives concern. */
export const referenceAnswers = z.strictObject({
  refereeEmail: email,
  datesConfirmed: z.boolean(),
  roleConfirmed: z.boolean(),
  wouldReemploy: reemploy.optional(),
  concerns: z.string().trim().max(2000).optional(),
  occurredOn,
});

export const concernDecision = z.strictObject({
  refereeEmail: email,
  /** accept: the reference stands; reject: it does not count and another referee is needed. */
  decision: z.enum(['accept', 'reject']),
  decidedBy: shortText,
  decidedByRole: shortText,
  reason,
  occurredOn,
});

export const waiverRequest = z.strictObject({ reason });
export const waiverApproval = z.strictObject({ approvedBy: shortText, approverRole: shortText.optional(), reason });

// -------------------------------------------------------------------------------------------
// Coverage: the union of the referees' periods over the years required, and the holes left.

const isPeriodReferee = (r: Referee) => r.relationship !== 'character' && typeof r.coversFrom === 'string';

interface Period { from: string; to: string }

/** The stretches of [from, to] that no period covers, with their length in days. */
function holesIn(periods: Period[], from: string, to: string): (Period & { days: number })[] {
  const sorted = periods.map((p) => ({ from: p.from < from ? from : p.from, to: p.to > to ? to : p.to }))
    .filter((p) => p.from <= p.to).sort((a, b) => a.from.localeCompare(b.from));
  const holes: Period[] = [];
  let covered = addDays(from, -1);
  for (const p of sorted) {
    if (p.from > addDays(covered, 1)) holes.push({ from: addDays(covered, 1), to: addDays(p.from, -1) });
    if (p.to > covered) covered = p.to;
  }
  if (covered < to) holes.push({ from: addDays(covered, 1), to });
  return holes.map((h) => ({ ...h, days: daysFrom(h.from, h.to) + 1 }));
}

/**
 * The years required back from `today`: what the referees' periods leave uncovered (`holes`),
 * and what is still uncovered once the explained gaps are counted (`unexplained`, only stretches
 * longer than the policy's gap length). Complete when nothing is unexplained.
 */
export function coverageOf(referees: Referee[], gaps: ReferenceCoverage['gaps'], today: string, policy: Policy): ReferenceCoverage {
  const from = addMonths(today, -12 * policy.referenceYearsRequired);
  const periods = referees.filter(isPeriodReferee).map((r) => ({ from: r.coversFrom!, to: r.coversTo ?? today }));
  const holes = holesIn(periods, from, today);
  const unexplained = holesIn([...periods, ...gaps], from, today).filter((h) => h.days > policy.referenceGapDays);
  return {
    from, to: today, gaps, holes, unexplained,
    complete: unexplained.length === 0,
    fullyReferenced: holes.every((h) => h.days <= policy.referenceGapDays),
  };
}

/** The referees the journey will hold once these are added: those who answered, then the new. */
export const refereesAfter = (context: JourneyContext, added: Referee[]): Referee[] =>
  [...context.referees.filter((r) => context.referencesReceived.includes(r.email)), ...added];

function coverageRule(policy: Policy): Rule {
  return (context, event) => {
    const added = (event.referees ?? []) as Referee[];
    const today = ukDateOf(event.at);
    for (const [i, r] of added.entries()) {
      if (r.coversFrom && r.coversFrom > today) return refuse('references.periodInFuture', `${r.name}’s period cannot start in the future (${longDate(r.coversFrom)}).`, `referees.${i}.coversFrom`);
    }
    const gaps = (event.gaps ?? []) as ReferenceCoverage['gaps'];
    for (const [i, g] of gaps.entries()) {
      if (g.to > today) return refuse('references.gapInFuture', `A gap cannot end in the future (${longDate(g.to)}).`, `gaps.${i}.to`);
    }
    const all = refereesAfter(context, added);
    const coverage = coverageOf(all, gaps, today, policy);
    const open = coverage.unexplained[0];
    if (open) {
      return refuse('references.coverage',
        `References must cover ${policy.referenceYearsRequired} consecutive years (from ${longDate(coverage.from)}), including the two most recent employers: ${longDate(open.from)} to ${longDate(open.to)} (${open.days} days) is not covered. Add a referee who covers it, or explain a gap of more than ${policy.referenceGapDays} days.`,
        'referees');
    }
    const character = added.findIndex((r) => r.relationship === 'character');
    if (character >= 0 && coverage.fullyReferenced) {
      return refuse('references.characterOnlyWhereNeeded', `Employment and education references already cover ${policy.referenceYearsRequired} years: a character reference is accepted only where they cannot.`, `referees.${character}.relationship`);
    }
    return null;
  };
}

const enoughReferees: Rule = (context, event) => {
  const count = ((event.referees ?? []) as Referee[]).length + context.referencesReceived.length;
  return count >= context.referencesRequired ? null
    : refuse('references.count', `${context.referencesRequired} references are needed: with the ${context.referencesReceived.length} already received, name ${context.referencesRequired - context.referencesReceived.length} referee${context.referencesRequired - context.referencesReceived.length === 1 ? '' : 's'} or more.`, 'referees');
};

/** The reference comes from a referee we asked, who has not answered yet. */
export const refereeAsked: Rule = (context, event) => {
  const email = String(event.refereeEmail ?? '').toLowerCase();
  const asked = context.referees.find((r) => r.email.toLowerCase() === email);
  if (!asked) return refuse('references.refereeNotAsked', `${email} was not asked for a reference: a reference is accepted only from a referee we asked.`, 'refereeEmail');
  if (context.referencesReceived.some((e) => e.toLowerCase() === email)) return refuse('references.alreadyAnswered', `${asked.name} has already given a reference.`, 'refereeEmail');
  return null;
};

/** What in an answer gives concern, in words (empty: nothing). */
export function concernsIn(answer: { datesConfirmed?: unknown; roleConfirmed?: unknown; wouldReemploy?: unknown; concerns?: unknown }): string[] {
  const found: string[] = [];
  if (answer.datesConfirmed === false) found.push('dates not confirmed');
  if (answer.roleConfirmed === false) found.push('role not confirmed');
  if (answer.wouldReemploy === 'no') found.push('would not re-employ');
  if (typeof answer.concerns === 'string' && answer.concerns.trim()) found.push('concerns written');
  return found;
}

const concernToDecide: Rule = (context, event) => {
  const email = String(event.refereeEmail ?? '').toLowerCase();
  const flagged = (context.referenceConcerns ?? []).find((c) => c.email.toLowerCase() === email);
  if (!flagged) return refuse('references.noConcern', `There is no reference with a concern from ${email} to decide on.`, 'refereeEmail');
  if (flagged.decision) return refuse('references.concernDecided', `A decision on ${email}’s reference has already been recorded.`, 'refereeEmail');
  return null;
};

/** Every reference that gives concern has an accepting senior decision; the coverage still holds. */
const readyToClear: Rule = (context) => {
  const open = (context.referenceConcerns ?? []).find((c) => !c.decision);
  if (open) {
    return refuse('references.concernUndecided', `The reference from ${open.email} gives concern (${open.reasons.join(', ')}): a senior manager must record a decision with a reason (references.concernReviewed) before the check can clear.`);
  }
  if (context.referenceCoverage && !context.referenceCoverage.complete) return refuse('references.coverage', 'The references do not cover the years required.');
  return null;
};

const waiverRequested: Rule = (context) => (context.waiverRequest
  ? null
  : refuse('references.waiverNotRequested', 'A waiver is first asked for (references.waiverRequested) with the reason, then approved by someone else.'));

/** Four eyes: the approver is not the member of staff who asked for the waiver. */
const otherApprover: Rule = (context, event) => {
  const by = (event.actor as { id?: unknown } | undefined)?.id;
  return typeof by === 'string' && by === context.waiverRequest?.requestedBy
    ? refuse('references.waiverSameApprover', 'A waiver must be approved by someone other than the member of staff who asked for it.')
    : null;
};

export const referenceRules = (policy: Policy): Record<string, Rule[]> => ({
  'references.refereesProvided': [enoughReferees, coverageRule(policy)],
  'references.received': [refereeAsked, inOrder(happened('references.refereesProvided', 'the referees were asked'))],
  'references.concernReviewed': [concernToDecide, inOrder(happened('references.received', 'the reference arrived'))],
  'references.cleared': [readyToClear, inOrder(happened('references.received', 'the last reference arrived'))],
  'references.waived': [waiverRequested, otherApprover],
});
