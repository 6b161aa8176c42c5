// Emails to staff (recruiters, international coordinators, the HR contact) and to referees.
import { dateTime, firstName, professionWords } from './format.js';
import { invitation } from './invitation.js';
import type { Template, TemplateData } from './types.js';

/** A notice to the team: what happened to whom, what to do, and the candidate's record. */
const notice = (subject: (d: TemplateData) => string, lines: (d: TemplateData) => string[]): Template => (d) => ({
  subject: subject(d),
  greeting: 'Hello,',
  paragraphs: [...lines(d), `Now: ${d.status.title}. ${d.status.detail}`],
  action: { label: 'Open the candidate’s record', url: d.links.candidate },
  signOff: 'Intake',
});

const who = (d: TemplateData) => `${d.candidate.fullName} (${professionWords(d.candidate.profession)})`;

export const staffTemplates: Record<string, Template> = {
  // The candidate chose one of the offered times: the recruiter gets the same invitation (issue 15).
  interviewBooked: (d) => {
    const at = d.context.interview?.at ?? d.now.toISOString();
    const place = d.context.interview?.location ?? 'to be confirmed';
    return {
      ...notice((x) => `Interview booked: ${x.candidate.fullName}`, (x) => [`${who(x)} chose an interview on ${dateTime(at)}, at ${place}. The invitation is attached for your calendar.`])(d),
      attachments: [invitation('interview.ics', d, { uid: `interview-${d.candidate.id}-${at}@intake`, start: at, minutes: 45, summary: `Interview: ${d.candidate.fullName}`, location: place, description: 'Values-based interview.' })],
    };
  },
  referenceDelayed: notice((d) => `References overdue: ${d.candidate.fullName}`, (d) => [`${who(d)} is still waiting for references. The referees have been reminded; a call may help.`]),
  referenceEscalated: notice((d) => `Reference needed for ${d.candidate.fullName}`, (d) => [
    `We asked the referees of ${who(d)} for a factual reference ten days ago and have had no reply. Please help us obtain it from the employer's HR records.`,
  ]),
  cbtResult: notice((d) => `CBT result recorded: ${d.candidate.fullName}`, (d) => [`A CBT result was recorded for ${who(d)}.`]),
  plabResult: notice((d) => `PLAB result recorded: ${d.candidate.fullName}`, (d) => [`A PLAB result was recorded for ${who(d)}.`]),
  osceResult: notice((d) => `OSCE result recorded: ${d.candidate.fullName}`, (d) => [`An OSCE result was recorded for ${who(d)}.`]),
  osceBooked: notice((d) => `OSCE booked: ${d.candidate.fullName}`, (d) => [`${who(d)} has an OSCE booked${d.context.osceBooking ? ` on ${d.context.osceBooking.date} at ${d.context.osceBooking.centre}` : ''}.`]),
  osceTargetMissed: notice((d) => `OSCE target missed: ${d.candidate.fullName}`, (d) => [`${who(d)} has not sat a first OSCE within ${d.policy.osceTargetWeeks} weeks of arrival. The 8-month sponsorship limit still runs from arrival.`]),
  nmcApplicationSubmitted: notice((d) => `NMC application submitted: ${d.candidate.fullName}`, (d) => [`${who(d)} has submitted an NMC registration application.`]),
  decisionLetterReceived: notice((d) => `NMC decision letter: ${d.candidate.fullName}`, (d) => [`${who(d)} has an NMC decision letter; the OSCE can be booked after arrival.`]),
  regulatorApplicationSubmitted: notice((d) => `Regulator application submitted: ${d.candidate.fullName}`, (d) => [`${who(d)} has applied to their regulator.`]),
  registrationGranted: notice((d) => `Registered: ${d.candidate.fullName}`, (d) => [`${who(d)} is now registered${d.context.registration ? ` (${d.context.registration.body} ${d.context.registration.number})` : ''}.`]),
  registrationRefused: notice((d) => `Registration refused: ${d.candidate.fullName}`, (d) => [`The regulator refused the registration application of ${who(d)}.`]),
  visaApplied: notice((d) => `Visa applied for: ${d.candidate.fullName}`, (d) => [`${who(d)} has applied for a Health and Care Worker visa.`]),
  visaGranted: notice((d) => `Visa granted: ${d.candidate.fullName}`, (d) => [`${who(d)} has been granted a visa. Travel can be booked.`]),
  visaRefused: notice((d) => `Visa refused: ${d.candidate.fullName}`, (d) => [`The visa application of ${who(d)} was refused.`]),
  cosExpired: notice((d) => `CoS lapsed: ${d.candidate.fullName}`, (d) => [`The Certificate of Sponsorship of ${who(d)} lapsed without a visa application. Assign a new one if the candidate is continuing.`]),
  candidateArrived: notice((d) => `Arrived in the UK: ${d.candidate.fullName}`, (d) => [`${who(d)} has arrived. In-person identity, eVisa right to work, DBS and occupational health are now due; the sponsorship clock has started.`]),
  pinIssued: notice((d) => `NMC PIN issued: ${d.candidate.fullName}`, (d) => [`${who(d)} has an NMC PIN and can move to a Band 5 post.`]),
  applicationClosed: notice((d) => `Application closed: ${d.candidate.fullName}`, (d) => [`The application of ${who(d)} closed after the attempt limit.`]),
  sponsorshipEnded: notice((d) => `Sponsorship ended: ${d.candidate.fullName}`, (d) => [`${who(d)} did not reach NMC registration within the sponsorship limit.`]),
  englishExpired: notice((d) => `English result expired: ${d.candidate.fullName}`, (d) => [`The English test result of ${who(d)} expired before the registration application was submitted.`]),
  trainingOverdue: notice((d) => `Training not finished: ${d.candidate.fullName}`, (d) => [`${who(d)} has ${d.context.trainingCompleted.length} of 12 statutory and mandatory training modules recorded, ${d.policy.trainingTargetWeeks} weeks after being cleared. No shift can be booked beyond ${d.policy.trainingGraceWeeks} weeks until it is done.`]),
  careCertificateOverdue: notice((d) => `Care Certificate overdue: ${d.candidate.fullName}`, (d) => [`${who(d)} has ${d.context.careStandardsSignedOff.length} of 15 standards signed off after the planned period.`]),
  careCertificateComplete: notice((d) => `Care Certificate complete: ${d.candidate.fullName}`, (d) => [`${who(d)} has all 15 Care Certificate standards signed off and is ready for trust sign-off once the hours are met.`]),
};

/** Emails to a referee: one-time link to a short factual form. */
export const refereeTemplates: Record<string, Template> = {
  referenceRequest: (d) => ({
    subject: `Reference request for ${d.candidate.fullName}`,
    greeting: `Dear ${d.referee ? firstName(d.referee.name) : 'referee'},`,
    paragraphs: [
      `${d.candidate.fullName} has applied to join our NHS staff bank as a ${professionWords(d.candidate.profession)} and has named you as a referee${d.referee ? ` (${d.referee.organisation})` : ''}.`,
      'Please confirm their dates of employment and role and answer a few factual questions. It takes about five minutes. The link below works once and expires in three weeks.',
    ],
    action: { label: 'Give your reference', url: d.links.reference ?? d.links.portal },
    signOff: 'The Staff Bank Recruitment Team',
  }),
  referenceChaser: (d) => ({
    subject: `Reminder: reference for ${d.candidate.fullName}`,
    greeting: `Dear ${d.referee ? firstName(d.referee.name) : 'referee'},`,
    paragraphs: [
      `We recently asked you for a reference for ${d.candidate.fullName}. They cannot start work until we receive it, so we would be grateful if you could answer soon.`,
    ],
    action: { label: 'Give your reference', url: d.links.reference ?? d.links.portal },
  }),
};

