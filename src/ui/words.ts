// Plain words for the applicant and staff pages: stage names, owners and check statuses.
const stageWords: Record<string, string> = {
  application: 'Application', screening: 'Eligibility', interview: 'Interview', assessment: 'Assessment day',
  offer: 'Offer', checks: 'Checks', onboarding: 'Setting you up', training: 'Training', ready: 'Ready to work',
  first_shift: 'First shift', hired: 'Working with us', english: 'English test', cbt: 'CBT', nmc_application: 'NMC application',
  regulator_scrutiny: 'Registration', plab: 'PLAB', gmc_registration: 'GMC registration', pre_departure: 'Visa and sponsorship',
  travel: 'Travel', arrival_checks: 'Arrival checks', pre_registration: 'Pre-registration post', osce: 'OSCE', pin: 'NMC PIN',
  band5: 'Band 5', induction: 'Induction', supervised_practice: 'Supervised practice', care_certificate: 'Care Certificate',
  sign_off: 'Sign-off', withdrawn: 'Withdrawn', rejected: 'Unsuccessful', closed: 'Closed',
};
export const stageLabel = (stage: string) => stageWords[stage] ?? stage.replace(/_/g, ' ');

/** Staff wording where the applicant's ("Setting you up", "Working with us") would read oddly. */
const staffStageWords: Record<string, string> = { onboarding: 'Onboarding', hired: 'Hired', ready: 'Ready to work', pre_departure: 'Pre-departure (visa)' };
export const staffStageLabel = (stage: string) => staffStageWords[stage] ?? stageLabel(stage);

export const ownerWords: Record<string, string> = {
  candidate: 'You', recruiter: 'Our recruitment team', coordinator: 'Your international coordinator',
  third_party: 'Someone outside our team (e.g. a referee or the DBS)', none: 'Nobody: this is done',
};
export const staffOwnerWords: Record<string, string> = {
  candidate: 'Candidate', recruiter: 'Recruiter', coordinator: 'Coordinator', third_party: 'Third party', none: '—',
};

export const checkStatusWords: Record<string, string> = {
  awaiting_candidate: 'Waiting for you', in_progress: 'In progress', received: 'Being reviewed', query_raised: 'Question for you',
  cleared: 'Done', failed: 'Not passed', waived: 'Waived', not_required: 'Not needed',
};

export const staffCheckStatusWords: Record<string, string> = {
  ...checkStatusWords, awaiting_candidate: 'Waiting for candidate', query_raised: 'Query with candidate',
};

export const programmeWords: Record<string, string> = {
  domestic: 'Staff bank', international: 'International recruitment', hcswd: 'Healthcare Support Worker Development',
};

export const professionLabel = (p: string) => (p === 'non_clinical' ? 'Non-clinical' : p.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()));

// One formatter, made once: toLocaleDateString builds one per call (~70 µs), once per board card.
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
export const shortDate = (d: Date | string) => {
  const date = new Date(d);
  return Number.isNaN(date.getTime()) ? 'Invalid Date' : shortDay.format(date);
};
