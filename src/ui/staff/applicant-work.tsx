// What the applicant did in the portal, with what they sent: the recruiter acts on it (the share
// code for the online check, a query's answer) without asking again.
import { checkSpecs } from '../../../workflows/checks.js';
import type { CheckName } from '../../../workflows/types.js';
import { eventCatalog } from '../../../workflows/events/index.js';
import { dateTime, longDate } from '../../email/templates/format.js';
import type { ApplicantEvent } from '../../services/portal/staff-view.js';
import { shortDate } from '../words.js';

function details(e: ApplicantEvent): string[] {
  const p = e.payload;
  const out: string[] = [];
  if (typeof p.shareCode === 'string') out.push(`Share code: ${p.shareCode.replace(/(...)(...)(...)/, '$1 $2 $3')}`);
  if (typeof p.dateOfBirth === 'string') out.push(`Date of birth: ${longDate(p.dateOfBirth)}`);
  if (p.route === 'documents') out.push('Will prove it with documents');
  if (typeof p.reason === 'string') out.push(`Reason: ${p.reason}`);
  if (typeof p.note === 'string') out.push(p.note);
  if (typeof p.interviewAt === 'string') out.push(`Chose ${dateTime(p.interviewAt)}`);
  if (Array.isArray(p.referees)) for (const r of p.referees as { name: string; organisation: string; coversFrom?: string; coversTo?: string }[]) out.push(`Referee: ${r.name}, ${r.organisation}${r.coversFrom ? ` (${longDate(r.coversFrom)} to ${r.coversTo ? longDate(r.coversTo) : 'now'})` : ''}`);
  if (Array.isArray(p.gaps)) for (const g of p.gaps as { from: string; to: string; explanation: string }[]) out.push(`Gap ${longDate(g.from)} to ${longDate(g.to)}: ${g.explanation}`);
  return out;
}

const labelOf = (type: string) => {
  const [check, verb] = type.split('.');
  if (verb === 'submitted' && check && check in checkSpecs) return `${checkSpecs[check as CheckName].title}: sent by the applicant`;
  // The application itself is not in the catalog (nobody sends it as an event): its words, never its key.
  return eventCatalog[type]?.label ?? (type === 'applicationReceived' ? 'Applied' : 'Sent from the portal');
};

export function ApplicantWork(props: { events: ApplicantEvent[] }) {
  if (!props.events.length) return null;
  return (
    <section class="card" aria-labelledby="from-applicant">
      <h2 id="from-applicant">From the applicant’s portal</h2>
      <ul>{[...props.events].reverse().map((e) => (
        <li><strong>{labelOf(e.type)}</strong> <span class="muted">{shortDate(e.at)}</span>{details(e).map((d) => <><br />{d}</>)}</li>
      ))}</ul>
    </section>
  );
}
