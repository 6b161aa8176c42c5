import type { CheckView, ApplicantStatus } from '../../../workflows/inspect.js';
import type { Policy } from '../../../workflows/policy.js';
import type { JourneyContext, Referee } from '../../../workflows/types.js';
import type { EmailContent } from '../layout.js';

export type Recipient = 'candidate' | 'recruiter' | 'coordinator' | 'hr' | 'referees' | 'compliance';

export interface Attachment { filename: string; contentType: string; content: string }

/** What a template may use: the candidate, the journey as it was when the email was caused, links. */
export interface TemplateData {
  candidate: { id: string; fullName: string; email: string; programme: string; profession: string };
  context: JourneyContext;
  status: ApplicantStatus;
  checks: CheckView[];
  links: { portal: string; candidate: string; reference?: string; magic?: string };
  /** The event that caused the email, as accepted (validated) by the journey. */
  event?: Record<string, unknown>;
  referee?: Referee;
  policy: Policy;
  now: Date;
  /** Who sends it: the organiser of any calendar invitation it carries. */
  organizer: { name: string; email: string };
}

export type Rendered = EmailContent & { attachments?: Attachment[] };
export type Template = (d: TemplateData) => Rendered;
