// Coordinator cohorts: the list with a create form, and one cohort's milestone table with its
// deadline warnings, the bulk actions, the add-candidates search, the CSV export and the OSCE
// calendar address. Everything works without JavaScript: one form holds the table's checkboxes
// and a button per action; the button pressed names the event.
import type { Child } from 'hono/jsx';
import type { BulkAction } from '../../services/cohorts/bulk.js';
import type { BulkResult } from '../../services/cohorts/links.js';
import type { CandidateMatch, CohortRow, CohortSummary } from '../../services/cohorts/manage.js';
import type { Attempt, MemberRow } from '../../services/cohorts/milestones.js';
import { StaffLayout, type StaffContext } from '../staff-layout.js';
import { professionLabel, shortDate, stageLabel } from '../words.js';

const when = (d: string | null | undefined): Child => (d ? <time datetime={d.slice(0, 10)}>{shortDate(d)}</time> : <span class="muted">—</span>);

export function CohortsPage(props: { staff: StaffContext; cohorts: CohortSummary[]; canManage: boolean }) {
  return (
    <StaffLayout staff={props.staff} title="Cohorts" current="/cohorts">
      <h1>Cohorts</h1>
      <p>Intakes of international recruits who travel, arrive and sit the OSCE together.</p>
      {props.cohorts.length === 0 ? <p>There are no cohorts yet.</p> : (
        <div class="table-wrap"><table>
          <caption>All cohorts</caption>
          <thead><tr><th scope="col">Cohort</th><th scope="col">Starts on</th><th scope="col">Candidates</th></tr></thead>
          <tbody>{props.cohorts.map((c) => (
            <tr><td><a href={`/cohorts/${c.id}`}>{c.name}</a></td><td>{when(c.startsOn)}</td><td>{c.members}</td></tr>
          ))}</tbody>
        </table></div>
      )}
      {props.canManage ? (
        <form class="card create-cohort" method="post" action="/cohorts" aria-labelledby="create-cohort">
          <h2 id="create-cohort">Create cohort</h2>
          <input type="hidden" name="_csrf" value={props.staff.csrf} />
          <label for="cohort-name">Name</label>
          <span class="hint" id="cohort-name-hint">For example, March 2027 nurses</span>
          <input type="text" id="cohort-name" name="name" required maxlength={120} aria-describedby="cohort-name-hint" />
          <label for="cohort-starts">Starts on</label>
          <input type="date" id="cohort-starts" name="startsOn" required />
          <button type="submit">Create cohort</button>
        </form>
      ) : null}
    </StaffLayout>
  );
}

function Attempts(props: { attempts: Attempt[] }) {
  if (props.attempts.length === 0) return <span class="muted">—</span>;
  return <ol class="attempts">{props.attempts.map((a) => <li>{when(a.date)} <span class={`tag ${a.passed ? 'done' : 'overdue'}`}>{a.passed ? 'passed' : 'failed'}</span></li>)}</ol>;
}

function Osce(props: { row: MemberRow }) {
  const o = props.row.milestones.osce;
  if (o.sittings.length === 0) return props.row.route === 'nmc' ? <span class="muted">—</span> : <span class="muted">not needed</span>;
  return (
    <ol class="attempts">{o.sittings.map((s) => (
      <li>{when(s.date)} <span class={`tag ${s.result === 'passed' ? 'done' : s.result === 'failed' ? 'overdue' : ''}`}>{s.result}</span>{s.centre ? <span class="sub">{s.centre}</span> : null}</li>
    ))}</ol>
  );
}

function Warnings(props: { row: MemberRow }) {
  if (props.row.warnings.length === 0) return <span class="muted">None</span>;
  return (
    <ul class="warnings">{props.row.warnings.map((w) => (
      <li class={w.overdue ? 'overdue' : 'soon'}><span class={`tag ${w.overdue ? 'overdue' : 'soon'}`}>{w.overdue ? 'Overdue' : 'Due soon'}</span> {w.message}</li>
    ))}</ul>
  );
}

function MilestoneTable(props: { rows: MemberRow[]; selectable: boolean }) {
  return (
    <div class="table-wrap"><table class="milestones">
      <caption>Milestones of each candidate in this cohort</caption>
      <thead><tr>
        {props.selectable ? <th scope="col"><span class="visually-hidden">Select</span></th> : null}
        <th scope="col">Candidate</th><th scope="col">Stage</th><th scope="col">English test</th><th scope="col">CBT</th>
        <th scope="col">Decision letter</th><th scope="col">CoS</th><th scope="col">Visa</th><th scope="col">Flight</th>
        <th scope="col">Arrived</th><th scope="col">OSCE</th><th scope="col">PIN</th><th scope="col">Warnings</th>
      </tr></thead>
      <tbody>{props.rows.map((r) => {
        const m = r.milestones;
        const worst = r.warnings.some((w) => w.overdue) ? 'overdue' : r.warnings.length ? 'soon' : undefined;
        return (
          <tr class={worst}>
            {props.selectable ? <td><input type="checkbox" name="member" value={r.candidateId} id={`member-${r.candidateId}`} aria-label={r.fullName} /></td> : null}
            <th scope="row"><a href={`/candidates/${r.candidateId}`}>{r.fullName}</a><span class="sub">{professionLabel(r.profession)}</span></th>
            <td>{stageLabel(r.stage)}{r.status !== 'in_progress' ? <span class="sub">{r.status.replace(/_/g, ' ')}</span> : null}</td>
            <td>{m.english ? <>{m.english.type} {when(m.english.date)}<span class="sub">valid to {shortDate(m.english.expiresOn)}</span></> : when(null)}</td>
            <td>{r.route === 'nmc' || m.cbt.length ? <Attempts attempts={m.cbt} /> : <span class="muted">not needed</span>}</td>
            <td>{when(m.decisionLetter)}</td>
            <td>{when(m.cos)}</td>
            <td>{m.visa.granted ? <>granted {when(m.visa.granted)}</> : m.visa.applied ? <>applied {when(m.visa.applied)}</> : when(null)}</td>
            <td>{m.travel ? <>{when(m.travel.flightDate)}<span class="sub">{m.travel.airport}</span></> : when(null)}</td>
            <td>{when(m.arrivedAt)}</td>
            <td><Osce row={r} /></td>
            <td>{m.pin ? <>{when(m.pin.date)}<span class="sub">{m.pin.number}</span></> : when(null)}</td>
            <td><Warnings row={r} /></td>
          </tr>
        );
      })}</tbody>
    </table></div>
  );
}

function BulkActionFields(props: { action: BulkAction }) {
  const a = props.action;
  return (
    <fieldset class="bulk-action">
      <legend>{a.title}</legend>
      <p class="hint">{a.hint}</p>
      {a.fields.map((f) => {
        const id = `${a.type}-${f.name}`;
        const name = `${a.type}.${f.name}`;
        return (
          <div>
            <label for={id}>{f.label}{f.optional ? <span class="hint"> (optional)</span> : null}</label>
            {f.input === 'select'
              ? <select id={id} name={name}>{f.options?.map((o) => <option value={o.value}>{o.label}</option>)}</select>
              : <input type={f.input} id={id} name={name} maxlength={f.input === 'text' ? 200 : undefined} />}
          </div>
        );
      })}
      <button type="submit" name="event" value={a.type}>{a.button}</button>
    </fieldset>
  );
}

function ResultPanel(props: { result: BulkResult; actions: BulkAction[]; names: Map<string, string> }) {
  const r = props.result;
  const title = props.actions.find((a) => a.type === r.type)?.button ?? r.type;
  const name = (id: string) => props.names.get(id) ?? 'A candidate no longer in this cohort';
  const refusedCount = r.refused.reduce((n, g) => n + g.ids.length, 0);
  return (
    <div class={`card ${refusedCount ? 'error' : 'notice'} result`} role="status" aria-labelledby="bulk-result">
      <h2 id="bulk-result">{title}: {r.ok.length} done{refusedCount ? `, ${refusedCount} not done` : ''}</h2>
      {r.ok.length ? <><h3>Done</h3><ul>{r.ok.map((id) => <li>{name(id)}</li>)}</ul></> : null}
      {r.refused.map((g) => (
        <><h3>Not done: {g.message}</h3><ul>{g.ids.map((id) => <li>{name(id)}</li>)}</ul></>
      ))}
    </div>
  );
}

function AddCandidates(props: { cohort: CohortRow; csrf: string; search: { q: string; matches: CandidateMatch[] } | null }) {
  const s = props.search;
  return (
    <section class="card" aria-labelledby="add-candidates" id="add">
      <h2 id="add-candidates">Add candidates</h2>
      <form method="get" action={`/cohorts/${props.cohort.id}#add`} role="search" class="inline-search">
        <label for="add-q">Find international candidates</label>
        <span class="hint" id="add-q-hint">Name, email or candidate id</span>
        <input type="search" id="add-q" name="q" value={s?.q ?? ''} maxlength={100} aria-describedby="add-q-hint" />
        <button type="submit" class="secondary">Search</button>
      </form>
      {s ? (s.matches.length === 0 ? <p>No international candidates outside this cohort match “{s.q}”.</p> : (
        <form method="post" action={`/cohorts/${props.cohort.id}/members`}>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <fieldset>
            <legend>Candidates matching “{s.q}”</legend>
            {s.matches.map((m) => (
              <div class="choice">
                <input type="checkbox" id={`add-${m.id}`} name="candidateId" value={m.id} />
                <label for={`add-${m.id}`}>{m.fullName} <span class="muted">({m.email}, {professionLabel(m.profession)}, {stageLabel(m.stage)})</span></label>
              </div>
            ))}
          </fieldset>
          <button type="submit">Add to cohort</button>
        </form>
      )) : null}
    </section>
  );
}

export interface CohortPageProps {
  staff: StaffContext;
  cohort: CohortRow;
  rows: MemberRow[];
  canManage: boolean;
  actions: BulkAction[];
  search: { q: string; matches: CandidateMatch[] } | null;
  notices: string[];
  result: BulkResult | null;
  feedUrl: string;
}

export function CohortPage(props: CohortPageProps) {
  const c = props.cohort;
  const warned = props.rows.filter((r) => r.warnings.length > 0).length;
  const names = new Map(props.rows.map((r) => [r.candidateId, r.fullName]));
  return (
    <StaffLayout staff={props.staff} title={c.name} current="/cohorts">
      <p><a href="/cohorts">All cohorts</a></p>
      <h1>{c.name}</h1>
      <p>{c.startsOn ? <>Starts on {when(c.startsOn)}. </> : null}{props.rows.length} {props.rows.length === 1 ? 'candidate' : 'candidates'}{warned ? <>, <strong>{warned} with a deadline to watch</strong></> : null}.</p>
      {props.notices.map((n) => <div class="card notice" role="status"><p>{n}</p></div>)}
      {props.result ? <ResultPanel result={props.result} actions={props.actions} names={names} /> : null}

      {props.rows.length === 0 ? <p>No candidates yet.{props.canManage ? ' Find them below and add them.' : ''}</p> : props.canManage ? (
        <form method="post" action={`/cohorts/${c.id}/events`} class="bulk">
          <input type="hidden" name="_csrf" value={props.staff.csrf} />
          {/* Pressing Enter in a field must not pick an action: the form's default button does nothing. */}
          <button type="submit" class="default-none" disabled hidden tabindex={-1}>Nothing</button>
          <MilestoneTable rows={props.rows} selectable />
          <h2>Apply to the selected candidates</h2>
          <p class="hint">Tick candidates in the table, then choose one action. Each candidate is moved on their own; anyone not at that step is listed with the reason.</p>
          <div class="bulk-actions">{props.actions.map((a) => <BulkActionFields action={a} />)}</div>
          <button type="submit" class="secondary" formaction={`/cohorts/${c.id}/members/remove`}>Remove selected from cohort</button>
        </form>
      ) : <MilestoneTable rows={props.rows} selectable={false} />}

      {props.canManage ? <AddCandidates cohort={c} csrf={props.staff.csrf} search={props.search} /> : null}

      <section class="card" aria-labelledby="downloads">
        <h2 id="downloads">Export and calendar</h2>
        <p><a href={`/cohorts/${c.id}/export.csv`} download>Download the milestone table (CSV)</a></p>
        <label for="feed-url">OSCE calendar subscription address</label>
        <span class="hint" id="feed-url-hint">Add it to a calendar app as a subscription (“from URL”). Anyone with this address sees the OSCE dates and names of this cohort: share it only with the team.</span>
        <input type="text" id="feed-url" readonly value={props.feedUrl} class="feed-url" aria-describedby="feed-url-hint" />
        <p><a href={props.feedUrl}>Download the OSCE dates (.ics)</a></p>
      </section>
    </StaffLayout>
  );
}
