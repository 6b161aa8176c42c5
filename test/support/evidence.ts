// Evidence that meets the NHS Employment Check Standards on a given day, for tests that take a
// candidate through the checks by hand. Each is what a recruiter would record; tests that probe a
// rule change one field of it.

const DAY = 24 * 60 * 60 * 1000;
/** The date `n` days after (negative: before) `now`. */
export const dayFrom = (now: Date, n: number): string => new Date(now.getTime() + n * DAY).toISOString().slice(0, 10);

/** Scores against the six NHS Constitution values, all at or above the default pass mark. */
export const valueScores = { workingTogether: 4, respectAndDignity: 5, commitmentToQuality: 4, compassion: 5, improvingLives: 4, everyoneCounts: 4 };

/** Identity: a passport and a driving licence (photo) and a recent utility bill, originals seen. */
export const identityEvidence = (now: Date) => ({
  method: 'in_person',
  documents: [
    { kind: 'passport', use: 'photo', expiresOn: dayFrom(now, 2000), originalSeen: true },
    { kind: 'photocard_driving_licence', use: 'photo', expiresOn: dayFrom(now, 1500), originalSeen: true },
    { kind: 'utility_bill', use: 'address', issuedOn: dayFrom(now, -20), originalSeen: true },
  ],
});

export const rightToWorkEvidence = { method: 'share_code', shareCode: 'W9K4X2P7Q', permission: 'unlimited' };

export const registrationEvidence = (now: Date, body = 'NMC', number = '71A2998E') =>
  ({ body, number, status: 'registered', renewalDueOn: dayFrom(now, 200), ...(body === 'GMC' ? { licenceToPractise: true } : {}) });

/** Two employer referees covering the last 6 years between them (the current and the previous job). */
export const refereesCovering = (now: Date, emails: [string, string], names: [string, string] = ['Referee 1', 'Referee 2']) => [
  { name: names[0], email: emails[0], organisation: 'Example NHS Foundation Trust', relationship: 'line_manager', coversFrom: dayFrom(now, -2 * 365) },
  { name: names[1], email: emails[1], organisation: 'Northfield Care Home', relationship: 'employer', coversFrom: dayFrom(now, -6 * 365), coversTo: dayFrom(now, -2 * 365 - 1) },
];

/** A DBS certificate on the Update Service, issued yesterday, at the level direct care needs. */
export const dbsEvidence = (now: Date, certificateNumber = '001234567890', level = 'enhanced_adults_barred') => ({
  certificateNumber, issueDate: dayFrom(now, -1), level, outcome: 'clear', updateService: true, updateServiceSubscribedOn: dayFrom(now, -1),
});

/** The periods two employer referees cover: the current job (2 years), then the previous one. */
export const periods = (now: Date) => [
  { coversFrom: dayFrom(now, -2 * 365) },
  { coversFrom: dayFrom(now, -6 * 365), coversTo: dayFrom(now, -2 * 365 - 1) },
] as const;
