// Emails to applicants on the international and HCSWD programmes.
import { invitation } from './invitation.js';
import { firstName, longDate } from './format.js';
import type { Template, TemplateData } from './types.js';

const hello = (d: TemplateData) => `Dear ${firstName(d.candidate.fullName)},`;
const statusLink = (d: TemplateData) => ({ label: 'See where your application is', url: d.links.portal });

const update = (subject: string, lines: (d: TemplateData) => string[]): Template => (d) => ({
  subject, greeting: hello(d), paragraphs: [...lines(d), `What happens next: ${d.status.detail}`], action: statusLink(d),
});

const lastAttempt = (attempts: { date: string; passed: boolean }[]) => attempts.at(-1);

export const internationalTemplates: Record<string, Template> = {
  internationalNextSteps: update('Welcome: your next steps to the UK', () => [
    'Thank you for accepting our offer. Your international recruitment coordinator will guide you through each step: your English test, your professional registration, your Certificate of Sponsorship and visa, and your travel.',
  ]),
  englishAccepted: update('Your English test result is accepted', (d) => [
    d.context.englishTest ? `Your ${d.context.englishTest.type} result from ${longDate(d.context.englishTest.date)} meets the required standard. It is valid for two years from the test date.` : 'Your English test result meets the required standard.',
  ]),
  englishExpired: update('Your English test result has expired', () => [
    'Your English test result is now more than two years old, so it can no longer be used for your registration. Please book a new test; your coordinator can help.',
  ]),
  cbtResult: update('Your CBT result', (d) => {
    const last = lastAttempt(d.context.cbtAttempts);
    return [last?.passed ? 'Congratulations: you passed the NMC computer-based test (CBT).' : 'Your CBT result has been recorded. Your coordinator will talk to you about booking a resit.'];
  }),
  nmcApplicationSubmitted: update('Your NMC application', () => ['Your NMC registration application has been submitted.']),
  decisionLetterReceived: update('Your NMC decision letter', () => ['Your NMC decision letter has arrived. This means you can book your OSCE once you are in the UK.']),
  regulatorQuery: update('Your regulator needs more information', () => ['Your regulator has asked for more information about your application. Your coordinator will tell you exactly what is needed.']),
  regulatorApproved: update('Your regulator application is approved', () => ['Your registration application has been approved.']),
  registrationGranted: update('You are registered', (d) => [d.context.registration ? `You are now on the ${d.context.registration.body} register (number ${d.context.registration.number}).` : 'You are now registered with your regulator.']),
  registrationRefused: update('About your registration application', () => ['We are sorry: your regulator has refused your registration application, so we cannot continue your recruitment at this time. Your coordinator will contact you to talk this through.']),
  plabResult: update('Your PLAB result', () => ['Your PLAB result has been recorded.']),
  cosAssigned: update('Your Certificate of Sponsorship', () => ['We have assigned your Certificate of Sponsorship. Please apply for your Health and Care Worker visa within three months.']),
  cosExpired: update('Your Certificate of Sponsorship has lapsed', () => ['Your Certificate of Sponsorship was not used for a visa application within three months, so a new one is needed. Your coordinator will arrange it.']),
  visaGranted: update('Your visa has been granted', () => ['Congratulations: your Health and Care Worker visa has been granted. Next we will book your travel to the UK.']),
  visaRefused: update('About your visa application', () => ['Your visa application was refused. Your coordinator will contact you about what can be done next.']),
  travelBooked: update('Your travel to the UK is booked', () => ['Your travel is booked. We will meet you at the airport and take you to your accommodation.']),
  arrivalWelcome: update('Welcome to the UK', () => [
    'Welcome! In your first days we will check your identity and right to work in person, and arrange your DBS check and occupational health appointment.',
  ]),
  preRegistrationStarted: update('Your pre-registration post', () => ['You have started in your pre-registration post. Your OSCE preparation course starts now.']),
  osceBooked: (d) => {
    const b = d.context.osceBooking;
    return {
      subject: b ? `Your OSCE on ${longDate(b.date)}` : 'Your OSCE is booked',
      greeting: hello(d),
      paragraphs: [
        b ? `Your OSCE is booked for ${longDate(b.date)} at ${b.centre}.` : 'Your OSCE is booked.',
        'Bring the identity documents the NMC asked for: the NMC checks your identity on the day of your first attempt. The booking is attached for your calendar.',
      ],
      action: statusLink(d),
      ...(b ? { attachments: [invitation('osce.ics', d, { uid: `osce-${d.candidate.id}-${b.date}@intake`, start: b.date, allDay: true, summary: 'NMC OSCE', location: b.centre, description: 'NMC test of competence part 2 (OSCE).' })] } : {}),
    };
  },
  osceResult: update('Your OSCE result', (d) => {
    const last = lastAttempt(d.context.osceAttempts);
    return [last?.passed ? 'Congratulations: you passed your OSCE. Next comes your NMC PIN.' : 'Your OSCE result has been recorded. Only the stations you did not pass need to be resat; your coordinator will help you book.'];
  }),
  pinIssued: update('Your NMC PIN', () => ['Congratulations: your NMC PIN has been issued. You are now a registered nurse in the UK.']),
  band5Confirmed: update('Your Band 5 registered nurse post', () => ['Congratulations: you are now working as a Band 5 registered nurse. You can book registered-nurse shifts on the bank.']),
  applicationClosed: update('About your application', () => ['We are sorry: your application has had to close because the attempt limit was reached. Your coordinator will contact you to talk about your options.']),
  sponsorshipEnded: update('About your sponsorship', () => ['We are sorry: because NMC registration was not reached within the sponsorship period, your sponsorship has ended. Your coordinator will contact you.']),
};

export const hcswdTemplates: Record<string, Template> = {
  hcswdAssessmentInvitation: (d) => {
    const at = d.context.interview?.at ?? d.now.toISOString();
    return {
      subject: `Your assessment on ${longDate(at)}`,
      greeting: hello(d),
      paragraphs: [
        `You are invited to an assessment day on ${longDate(at)} at ${d.context.interview?.location ?? 'our training centre'}: a values-based interview and short literacy and numeracy tests (about 30 minutes each).`,
        'No care experience is needed. The invitation is attached for your calendar.',
      ],
      action: statusLink(d),
      attachments: [invitation('assessment.ics', d, { uid: `assessment-${d.candidate.id}-${at}@intake`, start: at, minutes: 120, summary: 'HCSWD assessment', location: d.context.interview?.location ?? 'Training centre', description: 'Values-based interview and literacy and numeracy tests.' })],
    };
  },
  inductionJoiningInstructions: update('Your classroom induction', (d) => [
    d.context.induction ? `Your classroom induction starts on ${longDate(d.context.induction.startDate)} at ${d.context.induction.venue} and lasts ${d.context.induction.days} days.` : 'Your classroom induction is booked.',
  ]),
  shadowShiftsBooked: update('Your supervised practice shifts', (d) => [
    d.context.supervisedPractice ? `Your supervised practice starts on ${longDate(d.context.supervisedPractice.startDate)} on ${d.context.supervisedPractice.ward}.` : 'Your supervised practice shifts are booked.',
  ]),
  traineeStarted: update('Welcome to your traineeship', () => ['You have started paid, supervised work. Your Care Certificate standards will be signed off one by one as you show each in practice.']),
  careStandardSignedOff: update('A Care Certificate standard is signed off', (d) => [`You now have ${d.context.careStandardsSignedOff.length} of the 15 Care Certificate standards signed off.`]),
  careCertificateComplete: update('Your Care Certificate is complete', () => ['Congratulations: all 15 Care Certificate standards are signed off.']),
  careCertificateOverdue: update('Your Care Certificate', () => ['Your Care Certificate is taking longer than planned. Your supervisor will help you plan the remaining standards.']),
  hcswdGraduated: update('Congratulations, you have graduated', () => ['The trust has signed you off: you are now a healthcare support worker and a full member of our staff bank.']),
};
