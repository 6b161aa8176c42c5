// Plain words for the fields and choices of the staff forms: labels, hints and option names.
// Keys are payload field names (as the event schemas spell them); anything missing falls back to
// the name split into words. Hints hold examples: a form never arrives with a value filled in.

export const fieldLabels: Record<string, string> = {
  careExperienceMonths: 'Months of UK care experience in the last 2 years',
  substantive: 'Substantive member of staff at a partner trust',
  body: 'Regulator', number: 'Registration number', occurredOn: 'Date it happened', note: 'Note',
  interviewAt: 'Date and time', location: 'Where', literacyScore: 'Literacy test score (%)', numeracyScore: 'Numeracy test score (%)',
  workingTogether: 'Working together for patients', respectAndDignity: 'Respect and dignity', commitmentToQuality: 'Commitment to quality of care',
  compassion: 'Compassion', improvingLives: 'Improving lives', everyoneCounts: 'Everyone counts',
  panel: 'Interview panel (names and roles)', band: 'Band', startDate: 'Start date', reason: 'Reason', question: 'Question for the candidate', employeeNumber: 'Employee number',
  module: 'Training module', date: 'Date', ward: 'Ward',
  method: 'How it was checked', documents: 'Documents seen', kind: 'Document', use: 'Used as', issuedOn: 'Date on the document',
  expiresOn: 'Expiry date', issuer: 'Issued by', originalSeen: 'Original seen in person',
  shareCode: 'Share code', documentType: 'Document checked', documentExpiresOn: 'Document expiry date', permission: 'Permission to work',
  permissionExpiresOn: 'Permission ends on', followUpOn: 'Follow-up check due on',
  status: 'What the register shows', conditionsAffectRole: 'The conditions affect this role', renewalDueOn: 'Renewal due on', licenceToPractise: 'Holds a licence to practise',
  referees: 'Referees', name: 'Full name', email: 'Email address', organisation: 'Organisation', jobTitle: 'Their job title', relationship: 'Relationship',
  coversFrom: 'Covers from', coversTo: 'Covers to (leave empty if current)', gaps: 'Gaps in employment or education', from: 'From', to: 'To', explanation: 'Explanation',
  refereeEmail: 'Referee', datesConfirmed: 'Dates of employment confirmed', roleConfirmed: 'Role confirmed', wouldReemploy: 'Would re-employ', concerns: 'Concerns the referee wrote',
  decision: 'Decision', decidedBy: 'Decided by (name)', decidedByRole: 'Their role',
  approvedBy: 'Approved by (name)', approverRole: 'Their role',
  certificateNumber: 'Certificate number', issueDate: 'Issue date', level: 'Level on the certificate', outcome: 'Outcome', riskAssessedBy: 'Risk assessed by',
  updateService: 'On the DBS Update Service (status checked online)', updateServiceSubscribedOn: 'Joined the Update Service on', dateOfBirth: 'Date of birth',
  restrictions: 'Restrictions', restrictionDetails: 'What the restrictions mean in practice', scores: 'Score for each NHS value (1 to 5)', valueScores: 'Score for each NHS value (1 to 5)',
};

export const fieldHints: Record<string, string> = {
  careExperienceMonths: 'From 0 to 24', panel: 'e.g. Sr Ann Jones (ward manager), Ben Patel (bank office)', number: 'As on the register, e.g. 12A3456B for the NMC', interviewAt: 'Use the 24-hour clock',
  location: 'e.g. Bank office, Level 2, Main Building', band: 'e.g. Bank, Band 5', employeeNumber: 'e.g. BANK-000123', ward: 'e.g. Ward 12, Acute Medicine',
  reason: 'Say why, in words the candidate would recognise', question: 'e.g. Please send a clearer copy of your proof of address.',
  issuer: 'For proofs of address, e.g. the energy company', shareCode: '9 letters and digits, e.g. W9K 4X2 P7Q',
  certificateNumber: '12 digits, as printed on the certificate', occurredOn: 'Leave empty for today',
  decidedBy: 'A senior manager, not the recruiter', decidedByRole: 'e.g. Head of Temporary Staffing', approvedBy: 'Someone other than the person who asked',
  literacyScore: 'Healthcare assistants and support workers only', numeracyScore: 'Healthcare assistants and support workers only',
  concerns: 'Copy what the referee wrote, if anything', issuedOn: 'Proofs of address', expiresOn: 'Photo IDs, and a driving licence used for the address', coversFrom: 'Employment and education referees only',
};

export const optionWords: Record<string, string> = {
  // identity
  in_person: 'Originals seen in person', idvt: 'Identity document validation technology (IDVT)', photo: 'Photo ID', address: 'Proof of address',
  passport: 'Passport', photocard_driving_licence: 'Photocard driving licence', biometric_residence_permit: 'Biometric residence permit',
  national_identity_card: 'National identity card', armed_forces_id_card: 'Armed forces ID card', pass_card: 'PASS card',
  utility_bill: 'Utility bill', bank_statement: 'Bank statement', credit_card_statement: 'Credit card statement', benefits_statement: 'Benefits statement',
  council_tax_statement: 'Council tax statement', mortgage_statement: 'Mortgage statement', hmrc_tax_notification: 'HMRC tax notification',
  financial_statement: 'Financial statement', tenancy_agreement: 'Tenancy agreement', electoral_register_letter: 'Electoral register letter',
  // right to work
  share_code: 'Online check with a share code', manual_document: 'Manual check of the original document',
  british_passport: 'British passport', irish_passport: 'Irish passport', irish_passport_card: 'Irish passport card',
  uk_birth_or_adoption_certificate: 'UK birth or adoption certificate', naturalisation_or_registration_certificate: 'Naturalisation or registration certificate',
  other_home_office_document: 'Other Home Office document', unlimited: 'No time limit', time_limited: 'Until a date',
  // registration
  registered: 'Registered', registered_with_conditions: 'Registered with conditions', lapsed: 'Lapsed', fitness_to_practise_pending: 'Fitness-to-practise case pending', suspended: 'Suspended',
  // references
  line_manager: 'Line manager', employer: 'Employer (HR)', education: 'Place of education', character: 'Character referee',
  caring: 'Caring', health: 'Health', parental_leave: 'Parental leave', travel: 'Travel', unemployed: 'Looking for work', other: 'Other',
  yes: 'Yes', no: 'No', unsure: 'Unsure', accept: 'Accept: the reference stands', reject: 'Reject: ask for another referee',
  // DBS
  basic: 'Basic', standard: 'Standard', enhanced: 'Enhanced', enhanced_adults_barred: 'Enhanced with the adults’ barred list',
  enhanced_children_barred: 'Enhanced with the children’s barred list', enhanced_both_barred: 'Enhanced with both barred lists',
  clear: 'Clear: nothing disclosed', information_disclosed_risk_assessed: 'Information disclosed, risk assessed as acceptable',
  // statutory and mandatory training
  equality_diversity_human_rights: 'Equality, diversity and human rights', health_safety_welfare: 'Health, safety and welfare',
  conflict_resolution: 'Conflict resolution', fire_safety: 'Fire safety', infection_prevention_control: 'Infection prevention and control',
  moving_handling: 'Moving and handling', safeguarding_adults: 'Safeguarding adults', preventing_radicalisation: 'Preventing radicalisation',
  safeguarding_children: 'Safeguarding children', resuscitation: 'Resuscitation', information_governance: 'Information governance',
  oliver_mcgowan: 'Oliver McGowan training on learning disability and autism',
  // occupational health
  fit: 'Fit for the role', fit_with_restrictions: 'Fit with restrictions', no_exposure_prone_procedures: 'No exposure-prone procedures',
  no_night_shifts: 'No night shifts', no_manual_handling: 'No manual handling', reduced_hours: 'Reduced hours', adjusted_duties: 'Adjusted duties',
};

const split = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase());

export const labelOf = (name: string) => fieldLabels[name] ?? split(name);
export const optionLabel = (value: string) => optionWords[value] ?? value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
