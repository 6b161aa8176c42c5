// Interview times offered for the candidate to choose (issue 15): each offered time is in the
// future, and the candidate may only pick one of the times offered, while it is still ahead.
import { z } from 'zod';
import { type Rule, refuse } from '../refusal.js';
import { isoDateTime, note, shortText } from '../events/fields.js';
import { longDate } from '../when.js';

export const interviewSlot = z.strictObject({ at: isoDateTime, location: shortText });

export const interviewSlotsOffer = z.strictObject({
  slots: z.array(interviewSlot).min(1).max(6).refine((ss) => new Set(ss.map((s) => Date.parse(s.at))).size === ss.length, 'offer each time once'),
  note,
});

export const interviewSlotChoice = z.strictObject({ interviewAt: isoDateTime });

const slotsAhead: Rule = (_, event) => {
  const slots = (event.slots ?? []) as { at: string }[];
  const i = slots.findIndex((s) => Date.parse(s.at) <= Date.parse(event.at));
  return i < 0 ? null : refuse('interview.slotInPast', `An interview time must be in the future (${longDate(slots[i]!.at)} has passed).`, `slots.${i}.at`);
};

const slotOffered: Rule = (context, event) => {
  const at = Date.parse(String(event.interviewAt));
  const slot = context.interviewSlots?.find((s) => Date.parse(s.at) === at);
  if (!slot) return refuse('interview.slotNotOffered', 'Choose one of the interview times we offered.', 'interviewAt');
  return at > Date.parse(event.at) ? null : refuse('interview.slotInPast', 'That interview time has passed: choose a later one.', 'interviewAt');
};

export const interviewSlotRules = (): Record<string, Rule[]> => ({
  interviewSlotsOffered: [slotsAhead],
  interviewSlotChosen: [slotOffered],
});
