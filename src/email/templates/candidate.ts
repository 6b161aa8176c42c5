// Emails to applicants about the steps every programme shares. Kind, plain words; each says what
// happens next and links to the applicant's status page.
import { checkSpecs } from '../../../workflows/checks.js';
import { invitation } from './invitation.js';
import { dateTime, firstName, longDate, professionWords, programmeWords } from './format.js';
import type { Template, TemplateData } from './types.js';

const hello = (d: TemplateData) => `Dear ${firstName(d.candidate.fullName)},`;
const statusLink = (d: TemplateData) => ({ label: 'See where your application is', url: d.links.portal });
const next = (d: TemplateData) => `What happens next: ${d.status.detail}`;

/** An update that needs nothing from the candidate beyond reading it. */
const update = (subject: string, lines: (d: TemplateData) => string[]): Template => (d) => ({
  subject, greeting: hello(d), paragraphs: [...lines(d), next(d)], action: statusLink(d),
});

export const candidateTemplates: Record<string, Template> = {
  // To an address, not a person: any application made with it may be someone else's, so no name.
  magicLink: (d) => ({
    subject: 'Your sign-in link',
    greeting: 'Hello,',
    paragraphs: [
      'Use the button below to see your applications and where each one is. The link works once and expires in 15 minutes.',
      'If you did not ask for this, you can ignore this email: nobody can sign in without it.',
    ],
    action: { label: 'Sign in to your application', url: d.links.magic ?? d.links.portal },
  }),

  applicationReceived: (d) => ({
    subject: 'We have received your application',
    greeting: hello(d),
    paragraphs: [
      `Thank you for applying to join our ${programmeWords[d.candidate.programme] ?? 'staff bank'} as a ${professionWords(d.candidate.profession)}.`,
      'A recruiter will review your application, usually within three working days. You can check where your application is at any time.',
    ],
    action: statusLink(d),
  }),

  interviewInvitation: (d) => {
    const at = d.context.interview?.at ?? d.now.toISOString();
    const place = d.context.interview?.location ?? 'to be confirmed';
    return {
      subject: `Your interview on ${longDate(at)}`,
      greeting: hello(d),
      paragraphs: [
        `We would like to invite you to a values-based interview on ${dateTime(at)}, at ${place}.`,
        'We will ask about times you have shown the NHS values: working together for patients, respect and dignity, commitment to quality of care, compassion, improving lives, and everyone counts.',
        'The invitation is attached so you can add it to your calendar. If the time does not suit you, reply to this email and we will find another.',
      ],
      list: ['Photo ID (passport or driving licence)', 'Proof of address dated in the last 3 months'],
      action: statusLink(d),
      attachments: [invitation('interview.ics', d, { uid: `interview-${d.candidate.id}-${at}@intake`, start: at, minutes: 45, summary: 'NHS staff bank interview', location: place, description: 'Values-based interview. Bring photo ID and proof of address.' })],
    };
  },

  interviewSlotsOffered: (d) => ({
    subject: 'Choose a time for your interview',
    greeting: hello(d),
    paragraphs: [
      'We would like to invite you to a values-based interview. Please choose the time that suits you best from those we can offer:',
      'Sign in to your application to choose one. We will send you a calendar invitation when you have.',
    ],
    list: (d.context.interviewSlots ?? []).map((s) => `${dateTime(s.at)}, at ${s.location}`),
    action: { label: 'Choose your interview time', url: d.links.portal },
  }),

  conditionalOffer: (d) => ({
    subject: 'Your conditional offer',
    greeting: hello(d),
    paragraphs: [
      'Congratulations: we are pleased to offer you a place on our staff bank, subject to the NHS pre-employment checks.',
      d.context.offer ? `Please accept or decline by ${longDate(d.context.offer.expiresAt)}. After that date the offer lapses.` : 'Please accept or decline the offer as soon as you can.',
    ],
    action: { label: 'Respond to your offer', url: d.links.portal },
  }),

  offerExpiring: (d) => ({
    subject: 'Your offer expires soon',
    greeting: hello(d),
    paragraphs: [`Your conditional offer expires${d.context.offer ? ` on ${longDate(d.context.offer.expiresAt)}` : ' soon'}. If you still want to join us, please accept it before then. If you have questions, reply to this email.`],
    action: { label: 'Respond to your offer', url: d.links.portal },
  }),

  offerExpired: update('Your offer has expired', () => ['Your conditional offer has expired because we did not hear from you. If you would still like to work with us, you are welcome to apply again or reply to this email.']),

  checksStarted: (d) => {
    const mine = d.checks.filter((c) => c.owner === 'candidate');
    return {
      subject: 'Your pre-employment checks: what we need from you',
      greeting: hello(d),
      paragraphs: [
        'Thank you for accepting our offer. Before you can work, we must complete the six NHS pre-employment checks. Some need something from you:',
      ],
      list: (mine.length ? mine : d.checks).map((c) => `${checkSpecs[c.name].title}: ${checkSpecs[c.name].candidateTask}`),
      action: { label: 'See your checks', url: d.links.portal },
    };
  },

  checkQuery: (d) => {
    const check = String(d.event?.type ?? '').split('.')[0] as keyof typeof checkSpecs;
    return {
      subject: `A question about your ${checkSpecs[check]?.title.toLowerCase() ?? 'pre-employment check'}`,
      greeting: hello(d),
      paragraphs: [
        `We have a question about your ${checkSpecs[check]?.title.toLowerCase() ?? 'check'}:`,
        typeof d.event?.question === 'string' ? d.event.question : 'Please contact us.',
        'Please reply to this email or bring what we need. Your check continues as soon as we have it.',
      ],
      action: statusLink(d),
    };
  },

  anotherRefereeNeeded: update('We need another referee', () => [
    'One of your referees has not replied to our reference request, even after several reminders. Please give us details of another referee so your checks can continue.',
  ]),

  referenceDelayed: update('Your referees have not replied yet', () => [
    'We are still waiting for a reference from your referees. It would help if you could contact them and ask them to answer our email.',
  ]),

  checksCleared: update('Your pre-employment checks are complete', () => ['Good news: all your pre-employment checks are complete.']),

  trainingDue: update('Your statutory and mandatory training', () => [
    'You are set up on our systems. Before your first shift, please complete your statutory and mandatory training online: the Core Skills Training Framework subjects and the Oliver McGowan training on learning disability and autism.',
  ]),

  trainingOverdue: update('Please finish your statutory and mandatory training', (d) => [
    `Please finish your statutory and mandatory training: ${d.context.trainingCompleted.length} of 12 modules are recorded. You can work for up to ${d.policy.trainingGraceWeeks} weeks after being cleared while you finish it; after that we cannot book your shifts until it is done.`,
  ]),

  readyToWork: update('You are ready to work', () => ['You are cleared to work on our staff bank.']),

  firstShiftBooked: (d) => ({
    subject: 'Your first shift is booked',
    greeting: hello(d),
    paragraphs: [
      d.context.firstShift ? `Your first shift is on ${longDate(d.context.firstShift.date)} on ${d.context.firstShift.ward}.` : 'Your first shift is booked.',
      'Please arrive 15 minutes early and ask for the nurse in charge. Bring your ID badge if you have it.',
    ],
    action: statusLink(d),
  }),

  withdrawalConfirmed: (d) => ({
    subject: 'Your application has been withdrawn',
    greeting: hello(d),
    paragraphs: [
      'We have withdrawn your application as requested. Thank you for your interest in working with us.',
      'If your circumstances change, you are very welcome to apply again.',
    ],
  }),

  applicationUnsuccessful: (d) => ({
    subject: 'About your application',
    greeting: hello(d),
    paragraphs: [
      'Thank you for the time you have given to your application. We are sorry that we are not able to take it further this time.',
      'If you would like feedback, reply to this email and a recruiter will be glad to talk it through. You are welcome to apply again in future.',
    ],
  }),

  redirectedToHcswd: update('A route into care that suits you', () => [
    'Thank you for applying as a healthcare assistant. Full bank membership needs six months of recent care experience, so we have moved your application to our Healthcare Support Worker Development programme.',
    'It trains you on the job, with a classroom induction, supervised shifts and the Care Certificate, and you are paid while you learn.',
  ]),
};
