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

/** A referee as asked: employment and education referees say which period of history they cover. */
export interface Referee {
  name: string; email: string; organisation: string; relationship: string;
  jobTitle?: string; coversFrom?: string; coversTo?: string;
}
export interface HistoryGap { from: string; to: string; reason: string; explanation: string }
/** The years references must cover, computed from the referees' periods and explained gaps. */
export interface ReferenceCoverage {
  from: string; to: string; gaps: HistoryGap[];
  /** Stretches no referee covers. */
  holes: { from: string; to: string; days: number }[];
  /** Stretches longer than the policy's gap length that neither a referee nor an explanation covers. */
  unexplained: { from: string; to: string; days: number }[];
  complete: boolean;
  /** Employment and education references alone cover the years (no character reference needed). */
  fullyReferenced: boolean;
}
/** A reference whose answers give concern, and the senior decision on it. */
export interface ReferenceConcern {
  email: string; reasons: string[];
  decision?: { accepted: boolean; decidedBy: string; decidedByRole: string; reason: string; decidedAt: string };
}
export interface Attempt { date: string; passed: boolean }

export interface JourneyContext {
  programme: Programme;
  profession: Profession;
  route: Route;
  startedAt: string;
  careExperienceMonths?: number;
  /** The register entry: from screening (body, number), then as the register check found it. */
  registration?: { body: string; number: string; status?: string; renewalDueOn?: string; checkedAt?: string };
  offer?: { madeAt: string; expiresAt: string; band?: string; acceptedAt?: string };
  interview?: { at: string; location: string };
  /** Interview times the recruiter offered for the candidate to choose from (issue 15). */
  interviewSlots?: { at: string; location: string }[];
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
  waivers: { check: CheckName; approvedBy: string; reason: string; requestedBy?: string | null; approverRole?: string }[];
  /** A references waiver asked for and not yet approved (approved by someone else). */
  waiverRequest?: { requestedBy: string | null; reason: string; at: string };
  /**
   * When each kind of event last happened on this journey (machine v3): an ISO instant, the
   * event's own time if it happened the day it was recorded, else midday UTC of the day given.
   */
  when?: Record<string, string>;
  identityCheck?: { method: 'in_person' | 'idvt'; originalsSeenAt?: string };
  rightToWorkCheck?: { method: string; permission: string; permissionExpiresOn?: string; followUpOn?: string };
  referenceCoverage?: ReferenceCoverage;
  referenceConcerns?: ReferenceConcern[];
  /** Training completions by module: the day each was completed (refreshers count from it). */
  trainingCompletedOn?: Record<string, string>;
  /** International (NMC): English sittings kept to be combined with a second one. */
  englishSittings?: EnglishSitting[];
  flightDate?: string;
  tbXrayDate?: string;
  visa?: { validFrom: string; validUntil: string };
  /** When the candidate was cleared to work (the training grace and first shift count from it). */
  readyAt?: string;
  exit?: { kind: 'withdrawn' | 'rejected' | 'closed'; reason: string };
}

export type EnglishSitting =
  | { type: 'IELTS'; date: string; overall: number; listening: number; reading: number; writing: number; speaking: number }
  | { type: 'OET'; date: string; listening: string; reading: string; writing: string; speaking: string };

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
