// The frame of one pre-employment check: status, who acts, due date (overdue flagged), chasers
// or queries sent, the evidence recorded, and the actions allowed now.
import type { Child } from 'hono/jsx';
import type { CheckName } from '../../../../workflows/types.js';
import { checkSpecs } from '../../../../workflows/checks.js';
import { shortDate, staffCheckStatusWords, staffOwnerWords } from '../../words.js';
import { type Choices, EventForm } from './forms.js';
import { type RecordData, eventsOf, retryFor } from './types.js';

const chaserTemplates = new Set(['referenceChaser', 'referenceDelayed', 'referenceEscalated', 'anotherRefereeNeeded']);

export function CheckFrame(props: {
  d: RecordData; check: CheckName; children?: Child;
  /** Events handled inside the panel's own body (not repeated under "Actions"). */
  handled?: string[];
  /** An action that a rule blocks now, with the reason (shown disabled). */
  blocked?: Record<string, string>;
  /** Fields to leave out of a form, by event type. */
  omit?: Record<string, string[]>;
  /** Known values offered as choices, by event type. */
  choices?: Record<string, Choices>;
  /** Forms shown open (e.g. the senior decision on a concern). */
  open?: string[];
  /** Before the actions (e.g. a disabled "Clear" with why). */
  notice?: Child | null;
}) {
  const { d, check } = props;
  const current = d.candidate.journey.checks.find((x) => x.name === check);
  const past = d.history.filter((h) => h.journeyId === d.candidate.journey.id && h.type.startsWith(`${check}.`)).at(-1)?.type.split('.')[1];
  // After the checks stage the machine no longer holds the checks: their outcome comes from the history.
  const c = current ?? (past ? { name: check, status: past === 'waived' ? 'waived' as const : past === 'failed' ? 'failed' as const : 'cleared' as const, owner: 'none' as const, title: checkSpecs[check].title, dueAt: undefined } : undefined);
  const title = c?.title ?? checkSpecs[check].title;
  const events = eventsOf(d, (t) => t.startsWith(`${check}.`) && !props.handled?.includes(t));
  const overdue = c?.dueAt !== undefined && new Date(c.dueAt) < d.now;
  const chasers = check === 'references' ? d.emails.filter((e) => chaserTemplates.has(e.template)) : [];
  const queries = d.history.filter((h) => h.journeyId === d.candidate.journey.id && h.type === `${check}.queryRaised`);
  const slug = `check-${check}`;
  return (
    <section class={`card check ${overdue ? 'overdue' : ''}`} aria-labelledby={slug} id={`panel-${check}`}>
      <h3 id={slug}>{title}</h3>
      {c ? (
        <dl class="facts">
          <div><dt>Status</dt><dd><span class={`tag ${c.status === 'cleared' || c.status === 'waived' ? 'done' : c.status === 'failed' ? 'overdue' : ''}`}>{staffCheckStatusWords[c.status] ?? 'In progress'}</span></dd></div>
          <div><dt>Who acts</dt><dd><span class={`tag ${c.owner}`}>{staffOwnerWords[c.owner]}</span></dd></div>
          <div><dt>Due</dt><dd>{c.dueAt ? <>{shortDate(c.dueAt)} {overdue ? <span class="tag overdue">Overdue</span> : null}</> : '—'}</dd></div>
          <div><dt>{check === 'references' ? 'Chasers sent' : 'Queries to the candidate'}</dt><dd>{check === 'references' ? (chasers.length ? `${chasers.length}, last on ${shortDate(chasers.at(-1)!.sentAt ?? chasers.at(-1)!.createdAt)}` : 'None yet') : (queries.length ? `${queries.length}, last on ${shortDate(queries.at(-1)!.at)}` : 'None')}</dd></div>
        </dl>
      ) : <p class="muted">Not started yet: the checks begin once the offer is made.</p>}
      {props.children}
      {d.canAct && events.length ? (
        <div class="actions"><h4>Actions now</h4>
          {events.map((e) => <EventForm event={e} candidateId={d.candidate.id} version={d.candidate.journey.version} csrf={d.csrf} short
            retry={retryFor(d, e.type)} blocked={props.blocked?.[e.type]} omit={props.omit?.[e.type]}
            {...(props.choices?.[e.type] ? { choices: props.choices[e.type] } : {})} open={props.open?.includes(e.type) ?? false} />)}
          {props.notice}
        </div>
      ) : props.notice !== undefined && props.notice !== null ? <div class="actions">{props.notice}</div> : null}
    </section>
  );
}

/** Evidence as a definition list in words. */
export function Facts(props: { rows: [string, Child | string | undefined | null][] }) {
  const rows = props.rows.filter(([, v]) => v !== undefined && v !== null && v !== '');
  return rows.length ? <dl class="summary">{rows.map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}</dl> : null;
}
