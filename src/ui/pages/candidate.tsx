// The candidate record: everything a recruiter needs about one person, and every action the
// machine allows now, as forms generated from the allowed events.
import type { Child } from 'hono/jsx';
import type { CandidateWithJourney } from '../../services/candidates/get.js';
import type { HistoryEntry } from '../../services/candidates/history.js';
import { StaffLayout, type StaffContext } from '../staff-layout.js';
import type { HistoryNames } from '../staff/history-words.js';
import { CheckPanels, checkEventHandled } from '../staff/panels/checks.js';
import { type CvSummary, CvPanel } from '../staff/panels/cv.js';
import type { Typed } from '../staff/panels/forms.js';
import { HistoryPanel } from '../staff/panels/history.js';
import { InterviewPanel, isInterviewEvent } from '../staff/panels/interview.js';
import { OtherActions } from '../staff/panels/other-actions.js';
import { PrivacyPanel } from '../staff/panels/privacy.js';
import type { RecordData } from '../staff/panels/types.js';
import { professionLabel, programmeWords, shortDate, staffStageLabel, staffOwnerWords } from '../words.js';

export type { CvSummary } from '../staff/panels/cv.js';

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
  /** The applicant's portal work (issue 15): documents per check, what they sent, interview times. */
  portal?: Child;
  canAct: boolean;
  canNote: boolean;
  canReviewCv: boolean;
  canExport: boolean;
  canErase: boolean;
  names: HistoryNames;
  now: Date;
  dbsLevelNeeded: string;
  flash?: { kind: 'error' | 'notice'; text: string; fields?: { id: string; text: string }[] };
  /** A refused form comes back open with what was typed, so nothing typed is lost. */
  retry?: { type: string; values: Typed };
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
  const label = props.stages.map((s) => `${staffStageLabel(s)}${s === props.current ? ' (current)' : props.passed.includes(s) ? ' (done)' : ''}`).join(', ');
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
            <text x={x + w / 2} y={y + h / 2 + 5} text-anchor="middle" font-size="14" font-family="Arial, sans-serif" fill={here ? '#ffffff' : '#212b32'} font-weight={here ? 'bold' : 'normal'}>{`${done ? '✓ ' : ''}${staffStageLabel(stage)}`}</text>
            {next ? <line x1={x + w} y1={y + h / 2} x2={x + w + gap} y2={y + h / 2} stroke="#aeb7bd" stroke-width={2} /> : null}
          </g>
        );
      })}
    </svg>
  );
}

const statusWords: Record<string, string> = { in_progress: 'In progress', hired: 'Hired', withdrawn: 'Withdrawn', rejected: 'Unsuccessful', closed: 'Closed' };

export function CandidatePage(props: CandidatePageProps) {
  const { candidate: c, staff } = props;
  const j = c.journey;
  const finished = j.status !== 'in_progress';
  const d: RecordData = {
    candidate: c, history: props.history, emails: props.emails, names: props.names, now: props.now, csrf: staff.csrf,
    canAct: props.canAct, dbsLevelNeeded: props.dbsLevelNeeded, retry: props.retry,
  };
  const handled = (type: string) => checkEventHandled(type) || isInterviewEvent(type);
  return (
    <StaffLayout staff={staff} title={c.fullName} current="/board">
      <p><a href={`/board?programme=${c.programme}`}>Back to the pipeline</a> · <a href="/find">Find someone</a></p>
      <h1>{c.fullName}</h1>
      {props.flash ? (
        <div class={`card ${props.flash.kind}`} role={props.flash.kind === 'error' ? 'alert' : 'status'} tabindex={-1}>
          <p>{props.flash.text}</p>
          {props.flash.fields ? <ul>{props.flash.fields.map((f) => <li><a href={`#${f.id}`}>{f.text}</a></li>)}</ul> : null}
        </div>
      ) : null}
      <div class="cols">
        <div>
          <section class="card" aria-labelledby="now">
            <h2 id="now">Now: {staffStageLabel(j.stage)}</h2>
            <p><span class={`tag ${j.applicantStatus.owner}`}>Next: {staffOwnerWords[j.applicantStatus.owner]}</span> <span class="tag">{statusWords[j.status] ?? 'In progress'}</span></p>
            <p class="muted">In this stage since {shortDate(j.stageEnteredAt)}.</p>
            {j.exit ? <p>Left at {staffStageLabel(j.exit.stage ?? '')}: {j.exit.reason}</p> : null}
            {j.warning ? <p class="concern-text">This record needs updating before anything more can happen: ask an administrator.</p> : null}
            <JourneyMap stages={props.stages} passed={props.passedStages} current={j.stage} finished={finished} />
          </section>
          <OtherActions d={d} handled={handled} />
          {props.cv ? <CvPanel cv={props.cv} candidate={c} csrf={staff.csrf} canReview={props.canReviewCv} /> : null}
          <InterviewPanel d={d} />
          <CheckPanels d={d} />
          {props.portal}
          {props.membership ?? null}
          <HistoryPanel history={props.history} names={props.names} />
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
              <dt>Registration number</dt><dd>{c.registrationNumber ?? '—'}</dd>
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
            {props.emails.length ? <ul>{props.emails.map((e) => <li><span class="muted">{shortDate(e.sentAt ?? e.createdAt)}</span> {e.subject} <span class="muted">to {e.to}</span> <span class="tag">{e.status === 'sent' ? 'Sent' : e.status === 'dead' ? 'Failed' : 'Waiting to send'}</span></li>)}</ul> : <p>None yet.</p>}
          </section>
          <PrivacyPanel candidateId={c.id} csrf={staff.csrf} canExport={props.canExport} canErase={props.canErase} />
        </div>
      </div>
    </StaffLayout>
  );
}
