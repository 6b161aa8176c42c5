// Shared vocabulary of the journey machines. Machines are pure: everything here is data.

export const programmes = ['domestic', 'international', 'hcswd'] as const;
export type Programme = (typeof programmes)[number];

// Profession vocabulary of shared/fixtures/cvs/README.md.
export const professions = [
  'registered_nurse', 'midwife', 'healthcare_assistant', 'physiotherapist', 'occupational_therapist',
  'radiographer', 'speech_and_language_therapist', 'operating_department_practitioner', 'paramedic',
  'biomedical_scientist', 'pharmacist', 'doctor', 'social_worker', 'non_clinical',
] as const;
export type Profession = (typeof professions)[number];

/** Who must act next: the thing that makes a status page useful. */
export type Owner = 'candidate' | 'recruiter' | 'coordinator' | 'third_party' | 'none';

export const journeyStatuses = ['in_progress', 'hired', 'withdrawn', 'rejected', 'closed'] as const;
export type JourneyStatus = (typeof journeyStatuses)[number];

export const checkNames = [
  'identity', 'rightToWork', 'registration', 'references', 'dbs', 'workHealth',
] as const;
export type CheckName = (typeof checkNames)[number];

export type CheckStatus =
  | 'awaiting_candidate' | 'in_progress' | 'received' | 'query_raised' | 'cleared'
  | 'failed' | 'waived' | 'not_required';

/**
 * Every state node carries meta. `title`/`detail` are the applicant-facing words; `owner` says
 * who must act; `stage` is the board column (top-level states only); `status` marks final states.
 */
export interface StateMeta {
  title: string;
  detail: string;
  owner: Owner;
  stage?: string;
  status?: JourneyStatus;
  check?: CheckName;
  checkStatus?: CheckStatus;
  /** Days this state should take before it counts as overdue (drives `dueAt`). */
  dueDays?: number;
}

export type EventIntent = 'advance' | 'hold' | 'exit';

/** Journey route, chosen at screening (domestic) or from the profession (international). */
export type Route = 'standard' | 'substantive' | 'nmc' | 'hcpc' | 'gmc';

export interface Referee { name: string; email: string; organisation: string; relationship: string }
export interface Attempt { date: string; passed: boolean }

export interface JourneyContext {
  programme: Programme;
  profession: Profession;
  route: Route;
  startedAt: string;
  careExperienceMonths?: number;
  registration?: { body: string; number: string };
  offer?: { madeAt: string; expiresAt: string; band?: string; acceptedAt?: string };
  interview?: { at: string; location: string };
  referees: Referee[];
  referencesReceived: string[];
  referencesRequired: number;
  trainingCompleted: string[];
  careStandardsSignedOff: string[];
  englishTest?: { type: 'IELTS' | 'OET'; date: string };
  cbtAttempts: Attempt[];
  osceAttempts: Attempt[];
  identityClearedAt?: string;
  arrivedAt?: string;
  osceTargetMissed?: boolean;
  /** International (NMC): when the decision letter arrived; the OSCE can be booked only after it. */
  decisionLetterAt?: string;
  /** International (NMC): the OSCE sitting currently booked. */
  osceBooking?: { date: string; centre: string };
  firstShift?: { date: string; ward: string };
  /** HCSWD: hours a week the candidate said at screening they can work. */
  weeklyHoursAvailable?: number;
  /** HCSWD assessment: literacy and numeracy test scores (percent) when the assessment was passed. */
  assessment?: { literacyScore: number; numeracyScore: number; passedAt: string };
  /** HCSWD classroom induction and shadow shifts: `days` is the length booked (from policy). */
  induction?: { startDate: string; venue: string; days: number; completedAt?: string };
  supervisedPractice?: { startDate: string; ward: string; days: number; completedAt?: string };
  /** HCSWD paid supervised work: the hours required are fixed from policy when it starts. */
  traineeship?: { startedAt: string; hoursRequired: number; hoursWorked?: number; signedOffAt?: string; signedOffBy?: string };
  waivers: { check: CheckName; approvedBy: string; reason: string }[];
  exit?: { kind: 'withdrawn' | 'rejected' | 'closed'; reason: string };
}

export interface JourneyInput { programme: Programme; profession: Profession; at: string }

/** Every event reaching a machine carries the time it happened (set by the engine, not the caller). */
export interface Stamped { at: string }

/**
 * Machine fragments (check regions, shared stages) are plain objects composed by functions.
 * xstate's config generics cannot follow them through function boundaries, so fragments are typed
 * loosely here; test/workflows/machines.test.ts checks that every guard, action and delay they name
 * is implemented by each machine's `setup`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StateConfig = Record<string, any>;
