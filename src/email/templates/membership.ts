// Emails about a bank member's compliance after hire: reminders to the member before an item
// expires, alerts to the compliance team, and word when an item is overdue or suspended. The
// item and its due date travel in the job's `event` (src/engine/membership.ts).
import { type ComplianceItem, itemWords } from '../../../workflows/membership/items.js';
import { firstName, longDate } from './format.js';
import type { Template, TemplateData } from './types.js';

interface About { item: ComplianceItem; dueOn?: string | null; days?: number }
const about = (d: TemplateData) => (d.event ?? {}) as unknown as About;
const what = (d: TemplateData) => itemWords[about(d).item] ?? 'A compliance item';
const due = (d: TemplateData) => (about(d).dueOn ? longDate(about(d).dueOn!) : 'soon');
const portal = (d: TemplateData) => ({ label: 'See what is due and send your evidence', url: `${d.links.portal}/compliance` });
const record = (d: TemplateData) => ({ label: 'Open the member’s record', url: d.links.candidate });
const who = (d: TemplateData) => d.candidate.fullName;
const inDays = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

const renewWords = (item: ComplianceItem) =>
  item === 'dbs' ? 'renew your DBS check (or, if you are on the DBS Update Service, let us check its status)'
    : item === 'rightToWork' ? 'show us your updated permission to work so we can check it again'
      : item === 'registration' ? 'renew your registration with your regulator and tell us the new renewal date'
        : item === 'workHealth' ? 'complete an occupational health reassessment for your new role'
          : 'complete the refresher training and tell us the date you completed it';

export const membershipCandidateTemplates: Record<string, Template> = {
  complianceDue: (d) => ({
    subject: `${what(d)}: due by ${due(d)}`,
    greeting: `Dear ${firstName(d.candidate.fullName)},`,
    paragraphs: [`Your ${what(d).toLowerCase()} runs out on ${due(d)}. Please ${renewWords(about(d).item)} before then, so you can keep booking shifts.`],
    action: portal(d),
  }),
  complianceReminder: (d) => ({
    subject: `Reminder: ${what(d)} due in ${inDays(about(d).days ?? 0)}`,
    greeting: `Dear ${firstName(d.candidate.fullName)},`,
    paragraphs: [`Your ${what(d).toLowerCase()} runs out on ${due(d)}. Please ${renewWords(about(d).item)}. After that date we cannot book you for shifts that need it.`],
    action: portal(d),
  }),
  complianceOverdue: (d) => ({
    subject: `${what(d)} has run out: shifts paused`,
    greeting: `Dear ${firstName(d.candidate.fullName)},`,
    paragraphs: [`Your ${what(d).toLowerCase()} ran out on ${due(d)}, so we cannot book you for shifts that need it. Please ${renewWords(about(d).item)} and we will book you again.`],
    action: portal(d),
  }),
  complianceSuspended: (d) => ({
    subject: `${what(d)}: under review`,
    greeting: `Dear ${firstName(d.candidate.fullName)},`,
    paragraphs: [`We are reviewing your ${what(d).toLowerCase()}. Until the review is finished we cannot book you for shifts that need it. The compliance team will be in touch.`],
    action: portal(d),
  }),
};

export const membershipStaffTemplates: Record<string, Template> = {
  complianceAlert: (d) => ({
    subject: `${what(d)} for ${who(d)}: ${about(d).days === undefined ? 'new information to review' : about(d).days === 0 ? 'runs out today' : `runs out in ${inDays(about(d).days!)}`}`,
    greeting: 'Hello,',
    paragraphs: [about(d).days === undefined
      ? `A DBS Update Service status check for ${who(d)} found new information. Their DBS is suspended until you review it.`
      : `The ${what(d).toLowerCase()} of ${who(d)} runs out on ${due(d)} and has not been renewed yet.`],
    action: record(d), signOff: 'Intake',
  }),
  complianceOverdue: (d) => ({
    subject: `Not bookable: ${who(d)} (${what(d)})`,
    greeting: 'Hello,',
    paragraphs: [`The ${what(d).toLowerCase()} of ${who(d)} ran out on ${due(d)}. They cannot be booked for shifts that need it until it is renewed.`],
    action: record(d), signOff: 'Intake',
  }),
};
