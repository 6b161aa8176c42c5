// The candidate record: everything a recruiter needs about one person, and every action the
// machine allows now, as forms generated from the allowed events.
import type { Child } from 'hono/jsx';
import type { AllowedEvent } from '../../../workflows/inspect.js';
import { eventCatalog } from '../../../workflows/events/index.js';
import type { CandidateWithJourney } from '../../services/candidates/get.js';
import type { HistoryEntry } from '../../services/candidates/history.js';
import { fieldsFor, type FieldSpec } from '../event-form.js';
import { StaffLayout, type StaffContext } from '../staff-layout.js';
import { professionLabel, programmeWords, shortDate, stageLabel, staffOwnerWords, staffCheckStatusWords } from '../words.js';

export interface CvSummary {
  status: string;
  filename?: string;
  documentId?: string;
  error?: { code: string; detail: string } | null;
  fields: Record<string, { value: unknown; confidence: number }>;
  reviewed: Record<string, { decision: string }>;
  duplicates: { candidateId: string; matchedOn: string; value: string }[];
}

export interface CandidatePageProps {
  /** A bank member's compliance after hire (src/ui/compliance/member-panel.tsx), rendered by its route. */
  membership?: Child;
  staff: StaffContext;
  candidate: CandidateWithJourney;
  stages: string[];
  passedStages: string[];
  history: HistoryEntry[];
  emails: { template: string; to: string; subject: string; status: string; createdAt: string; sentAt: string | null }[];
  notes: { id: string; text: string; author: string; createdAt: Date }[];
  cv: CvSummary | null;
  canAct: boolean;
  canNote: boolean;
  canReviewCv: boolean;
  flash?: { kind: 'error' | 'notice'; text: string };
  /** A refused form comes back open with what was typed, so nothing typed is lost. */
  retry?: { type: string; values: Record<string, string> };
}

/** The journey as drawn from the machine's stages: done, here, still to come. */
function JourneyMap(props: { stages: string[]; passed: string[]; current: string; finished: boolean }) {
  const perRow = 6;
  const w = 170;
  const h = 46;
  const gap = 24;
  const rows = Math.ceil(props.stages.length / perRow);
  const width = perRow * w + (perRow - 1) * gap + 8;
  const height = rows * (h + gap) + 8;
  const label = props.stages.map((s) => `${stageLabel(s)}${s === props.current ? ' (current)' : props.passed.includes(s) ? ' (done)' : ''}`).join(', ');
  return (
    <svg class="journey" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Journey: ${label}`}>
      <title>{`Journey: ${label}`}</title>
      {props.stages.map((stage, i) => {
        const x = 4 + (i % perRow) * (w + gap);
        const y = 4 + Math.floor(i / perRow) * (h + gap);
        const here = stage === props.current && !props.finished;
        const done = props.passed.includes(stage) && !here;
        const next = i < props.stages.length - 1 && (i + 1) % perRow !== 0;
        return (
          <g>
            <rect x={x} y={y} width={w} height={h} rx={4} fill={here ? '#005eb8' : done ? '#d7efe1' : '#ffffff'} stroke={here ? '#003d78' : done ? '#007f3b' : '#aeb7bd'} stroke-width={2} />
            <text x={x + w / 2} y={y + h / 2 + 5} text-anchor="middle" font-size="14" font-family="Arial, sans-serif" fill={here ? '#ffffff' : '#212b32'} font-weight={here ? 'bold' : 'normal'}>{`${done ? '✓ ' : ''}${stageLabel(stage)}`}</text>
            {next ? <line x1={x + w} y1={y + h / 2} x2={x + w + gap} y2={y + h / 2} stroke="#aeb7bd" stroke-width={2} /> : null}
          </g>
        );
      })}
    </svg>
  );
}

function Field(props: { f: FieldSpec; id: string }) {
  const { f, id } = props;
  const hint = f.kind === 'json' ? <span class="hint">JSON, as in the example</span> : f.required ? null : <span class="hint">Optional</span>;
  if (f.kind === 'checkbox') {
    return <div class="choice"><input type="checkbox" id={id} name={f.name} value="true" checked={f.checked} /><label for={id}>{f.label}</label></div>;
  }
  return (
    <>
      <label for={id}>{f.label}{hint}</label>
      {f.kind === 'select' ? (
        <select id={id} name={f.name} required={f.required}>{f.required ? null : <option value="">—</option>}{f.options!.map((o) => <option value={o} selected={o === f.value}>{o.replace(/_/g, ' ')}</option>)}</select>
      ) : f.kind === 'textarea' || f.kind === 'json' ? (
        <textarea id={id} name={f.name} rows={f.kind === 'json' ? 5 : 3} required={f.required}>{f.value}</textarea>
      ) : (
        <input id={id} name={f.name} required={f.required} value={f.value}
          type={f.kind === 'date' ? 'date' : f.kind === 'datetime' ? 'datetime-local' : f.kind === 'number' ? 'number' : 'text'} step={f.kind === 'number' ? 'any' : undefined} />
      )}
    </>
  );
}

function EventForm(props: { event: AllowedEvent; candidateId: string; version: number; csrf: string; retry?: Record<string, string> | undefined }) {
  const e = props.event;
  const typed = props.retry;
  const fields = fieldsFor(e.schema, e.example).map((f) => (typed
    ? { ...f, value: typed[f.name] ?? '', ...(f.kind === 'checkbox' ? { checked: typed[f.name] === 'true' } : {}) }
    : f));
  const cls = e.intent === 'advance' ? '' : e.intent === 'exit' ? 'warning' : 'hold';
  const hidden = (
    <>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="_type" value={e.type} />
      <input type="hidden" name="_version" value={String(props.version)} />
    </>
  );
  const slug = e.type.replace(/\W/g, '-');
  if (!fields.length && e.intent !== 'exit') {
    return <form method="post" action={`/candidates/${props.candidateId}/events`}>{hidden}<button class={cls} type="submit">{e.label}</button></form>;
  }
  return (
    <details class="event" open={typed ? true : undefined}>
      <summary>{e.label}</summary>
      <form method="post" action={`/candidates/${props.candidateId}/events`}>
        {hidden}
        {fields.map((f) => <Field f={f} id={`${slug}-${f.name}`} />)}
        {e.intent === 'exit' ? (
          <div class="choice"><input type="checkbox" id={`${slug}-confirm`} name="_confirm" value="yes" required /><label for={`${slug}-confirm`}>I confirm: this ends or changes the application</label></div>
        ) : null}
        <button class={cls} type="submit">{e.label}</button>
      </form>
    </details>
  );
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function CvReview(props: { cv: CvSummary; candidate: CandidateWithJourney; csrf: string; canReview: boolean }) {
  const { cv, candidate } = props;
  const record: Record<string, unknown> = { fullName: candidate.fullName, email: candidate.email, phone: candidate.phone, postcode: candidate.postcode, profession: candidate.profession };
  return (
    <section class="card" aria-labelledby="cv">
      <h2 id="cv">CV {cv.filename ? <span class="muted">({cv.filename})</span> : null}</h2>
      <p>Status: <span class="tag">{cv.status.replace(/_/g, ' ')}</span> {cv.error ? <span>{cv.error.detail}</span> : null}</p>
      {cv.duplicates.length ? <div class="error"><p>Possible duplicate: {cv.duplicates.map((d) => <a href={`/candidates/${d.candidateId}`}>same {d.matchedOn} ({d.value}) </a>)}</p></div> : null}
      {Object.keys(cv.fields).length ? (
        <div class="table-wrap"><table>
          <caption>Read from the CV: check each value before accepting it</caption>
          <thead><tr><th scope="col">Field</th><th scope="col">On the record</th><th scope="col">From the CV</th><th scope="col">Confidence</th><th scope="col">Decision</th></tr></thead>
          <tbody>{Object.entries(cv.fields).map(([name, f]) => (
            <tr>
              <th scope="row">{name}</th><td>{name in record ? show(record[name]) : '—'}</td><td>{show(f.value)}</td><td>{Math.round(f.confidence * 100)}%</td>
              <td>{cv.reviewed[name] ? cv.reviewed[name]!.decision : props.canReview && f.value !== null && f.value !== undefined ? (
                <form method="post" action={`/candidates/${candidate.id}/cv/accept`}>
                  <input type="hidden" name="_csrf" value={props.csrf} />
                  <input type="hidden" name="field" value={name} />
                  {cv.documentId ? <input type="hidden" name="documentId" value={cv.documentId} /> : null}
                  {['fullName', 'email', 'phone', 'postcode'].includes(name) ? (
                    <><label for={`cv-${name}`} class="muted">Value to keep</label><input type="text" id={`cv-${name}`} name="value" value={String(f.value)} /></>
                  ) : null}
                  <button class="hold" type="submit">Accept</button>
                </form>
              ) : '—'}</td>
            </tr>
          ))}</tbody>
        </table></div>
      ) : null}
    </section>
  );
}

export function CandidatePage(props: CandidatePageProps) {
  const { candidate: c, staff } = props;
  const j = c.journey;
  const finished = j.status !== 'in_progress';
  return (
    <StaffLayout staff={staff} title={c.fullName} current="/board">
      <p><a href={`/board?programme=${c.programme}`}>Back to the pipeline</a></p>
      <h1>{c.fullName}</h1>
      {props.flash ? <div class={`card ${props.flash.kind}`} role={props.flash.kind === 'error' ? 'alert' : 'status'}><p>{props.flash.text}</p></div> : null}
      <div class="cols">
        <div>
          <section class="card" aria-labelledby="now">
            <h2 id="now">Now: {j.applicantStatus.title}</h2>
            <p>{j.applicantStatus.detail} <span class={`tag ${j.applicantStatus.owner}`}>Next: {staffOwnerWords[j.applicantStatus.owner]}</span></p>
            <p class="muted">Stage {stageLabel(j.stage)} since {shortDate(j.stageEnteredAt)} · state <code>{j.state}</code> · status {j.status.replace(/_/g, ' ')} · version {j.version}</p>
            {j.exit ? <p>Left at {stageLabel(j.exit.stage ?? '')}: {j.exit.reason}</p> : null}
            <JourneyMap stages={props.stages} passed={props.passedStages} current={j.stage} finished={finished} />
          </section>
          {j.checks.length ? (
            <section class="card" aria-labelledby="checks">
              <h2 id="checks">Pre-employment checks</h2>
              <div class="table-wrap"><table>
                <thead><tr><th scope="col">Check</th><th scope="col">Status</th><th scope="col">Who acts</th><th scope="col">Due</th></tr></thead>
                <tbody>{j.checks.map((ch) => (
                  <tr><th scope="row">{ch.title}</th><td>{staffCheckStatusWords[ch.status] ?? ch.status}</td><td><span class={`tag ${ch.owner}`}>{staffOwnerWords[ch.owner]}</span></td><td>{ch.dueAt ? shortDate(ch.dueAt) : '—'}</td></tr>
                ))}</tbody>
              </table></div>
            </section>
          ) : null}
          {props.membership ?? null}
          <section class="card events" aria-labelledby="actions">
            <h2 id="actions">What can happen now</h2>
            {!props.canAct ? <p>You can read this candidate but not act on their journey.</p>
              : j.allowedEvents.length === 0 ? <p>Nothing: this journey has finished.</p>
              : (
                <>
                  {(['advance', 'hold', 'exit'] as const).map((intent) => {
                    const events = j.allowedEvents.filter((e) => e.intent === intent);
                    return events.length ? <div><h3>{intent === 'advance' ? 'Move on' : intent === 'hold' ? 'Other actions' : 'End or change'}</h3>{events.map((e) => <EventForm event={e} candidateId={c.id} version={j.version} csrf={staff.csrf} retry={props.retry?.type === e.type ? props.retry.values : undefined} />)}</div> : null;
                  })}
                </>
              )}
          </section>
          <section class="card" aria-labelledby="history">
            <h2 id="history">History</h2>
            <ol class="timeline">{[...props.history].reverse().map((h) => (
              <li><strong>{eventCatalog[h.type]?.label ?? (h.type.startsWith('xstate.after') ? 'Timer' : h.type === 'applicationReceived' ? 'Applied' : h.type)}</strong> <span class="muted">{shortDate(h.at)} {new Date(h.at).toISOString().slice(11, 16)} · by {h.actor.type}</span><br />{h.from ?? 'start'} → {h.to}</li>
            ))}</ol>
          </section>
        </div>
        <div>
          <section class="card" aria-labelledby="profile">
            <h2 id="profile">Profile</h2>
            <dl class="summary">
              <dt>Programme</dt><dd>{programmeWords[c.programme]}</dd>
              <dt>Profession</dt><dd>{professionLabel(c.profession)}</dd>
              <dt>Email</dt><dd>{c.email}{c.emailConfirmed ? null : <> <span class="tag overdue">unconfirmed</span><span class="hint">No sign-in link sent to this address has been used yet: anyone could have typed it.</span></>}</dd>
              <dt>Phone</dt><dd>{c.phone ?? '—'}</dd>
              <dt>Postcode</dt><dd>{c.postcode ?? '—'}</dd>
              <dt>Applied</dt><dd>{shortDate(c.createdAt)}</dd>
            </dl>
          </section>
          {props.canAct ? (
            <section class="card" aria-labelledby="portal-link">
              <h2 id="portal-link">Applicant portal</h2>
              <p>Email the applicant a new sign-in link to their portal. It goes to their address only: nobody else can see it.</p>
              <form method="post" action={`/candidates/${c.id}/sign-in-link`}>
                <input type="hidden" name="_csrf" value={staff.csrf} />
                <button class="hold" type="submit">Email a new sign-in link</button>
              </form>
            </section>
          ) : null}
          {props.cv ? <CvReview cv={props.cv} candidate={c} csrf={staff.csrf} canReview={props.canReviewCv} /> : null}
          <section class="card" aria-labelledby="notes">
            <h2 id="notes">Notes</h2>
            {props.canNote ? (
              <form method="post" action={`/candidates/${c.id}/notes`}>
                <input type="hidden" name="_csrf" value={staff.csrf} />
                <label for="note-text">Add a note</label>
                <textarea id="note-text" name="text" rows={3} maxlength={4000} required></textarea>
                <button class="hold" type="submit">Save note</button>
              </form>
            ) : null}
            <ul>{props.notes.map((n) => <li><span class="muted">{shortDate(n.createdAt)}, {n.author}:</span> {n.text}</li>)}</ul>
          </section>
          <section class="card" aria-labelledby="emails">
            <h2 id="emails">Emails</h2>
            {props.emails.length ? <ul>{props.emails.map((e) => <li><span class="muted">{shortDate(e.sentAt ?? e.createdAt)}</span> {e.subject} <span class="muted">to {e.to}</span> <span class="tag">{e.status}</span></li>)}</ul> : <p>None yet.</p>}
          </section>
        </div>
      </div>
    </StaffLayout>
  );
}
