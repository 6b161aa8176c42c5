// Employment history and references: a table of the referees with each reference's answers, the
// years required drawn as a timeline with what each referee covers and the gaps, and concerns
// highlighted. A concern blocks "clear" until a senior manager records a decision (the machine
// refuses it too: references.concernUndecided); the page says so instead of offering the button.
import type { ReferenceConcern, Referee } from '../../../../workflows/types.js';
import { optionLabel } from '../field-words.js';
import { valueWords } from '../history-words.js';
import { CheckFrame } from './check-frame.js';
import type { RecordData } from './types.js';

interface Answer { refereeEmail: string; datesConfirmed?: boolean; roleConfirmed?: boolean; wouldReemploy?: string; concerns?: string; occurredOn?: string }

const t = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

/** The years required as a bar: each referee's period, explained gaps, and what nobody covers. */
function CoverageTimeline(props: { from: string; to: string; referees: Referee[]; gaps: { from: string; to: string; reason: string }[]; holes: { from: string; to: string; days: number }[] }) {
  const { from, to } = props;
  const span = Math.max(1, t(to) - t(from));
  const x = (d: string) => 160 + Math.min(1, Math.max(0, (t(d) - t(from)) / span)) * 620;
  const rows = [
    ...props.referees.filter((r) => r.coversFrom).map((r) => ({ label: r.name, from: r.coversFrom!, to: r.coversTo ?? to, fill: '#007f3b' })),
    ...props.gaps.map((g) => ({ label: `Gap: ${optionLabel(g.reason).toLowerCase()}`, from: g.from, to: g.to, fill: '#768692' })),
    ...props.holes.map((h) => ({ label: `Not covered (${h.days} days)`, from: h.from, to: h.to, fill: '#d5281b' })),
  ];
  const height = 30 + rows.length * 26;
  const desc = rows.map((r) => `${r.label}: ${valueWords(r.from.slice(0, 10))} to ${valueWords(r.to.slice(0, 10))}`).join('; ');
  return (
    <svg class="coverage" viewBox={`0 0 800 ${height}`} role="img" aria-label={`Years required, ${valueWords(from)} to ${valueWords(to)}: ${desc || 'nothing covered yet'}`}>
      <title>{`Coverage: ${desc || 'nothing covered yet'}`}</title>
      <text x={160} y={14} font-size="12" fill="#4c6272">{valueWords(from)}</text>
      <text x={780} y={14} font-size="12" fill="#4c6272" text-anchor="end">{valueWords(to)}</text>
      <line x1={160} y1={20} x2={780} y2={20} stroke="#aeb7bd" stroke-width={2} />
      {rows.map((r, i) => (
        <g>
          <text x={0} y={40 + i * 26} font-size="13" fill="#212b32">{r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label}</text>
          <rect x={x(r.from)} y={28 + i * 26} width={Math.max(3, x(r.to) - x(r.from))} height={16} fill={r.fill} />
        </g>
      ))}
    </svg>
  );
}

function answerCell(a: Answer | undefined, concern: ReferenceConcern | undefined) {
  if (!a) return <td colspan={4} class="muted">Waiting for the reference</td>;
  const no = (v: boolean | undefined) => (v === false ? <strong class="concern-text">No</strong> : v ? 'Yes' : '—');
  return (
    <>
      <td>{no(a.datesConfirmed)}</td>
      <td>{no(a.roleConfirmed)}</td>
      <td>{a.wouldReemploy === 'no' ? <strong class="concern-text">No</strong> : a.wouldReemploy ? optionLabel(a.wouldReemploy) : '—'}</td>
      <td>{a.concerns ? <strong class="concern-text">“{a.concerns}”</strong> : concern ? '—' : 'None'}</td>
    </>
  );
}

export function ReferencesPanel(props: { d: RecordData }) {
  const { d } = props;
  const ctx = d.candidate.journey.context;
  const referees = ctx.referees ?? [];
  const answers = new Map<string, Answer>();
  for (const h of d.history) {
    if (h.journeyId === d.candidate.journey.id && h.type === 'references.received') {
      const a = h.payload as Answer;
      answers.set(a.refereeEmail.toLowerCase(), a);
    }
  }
  const concerns = ctx.referenceConcerns ?? [];
  const concernOf = (email: string) => concerns.find((c) => c.email.toLowerCase() === email.toLowerCase());
  const open = concerns.filter((c) => !c.decision);
  const nameOf = (email: string) => referees.find((r) => r.email.toLowerCase() === email.toLowerCase())?.name ?? email;
  const coverage = ctx.referenceCoverage;
  const check = d.candidate.journey.checks.find((c) => c.name === 'references');
  const waitingAnswer = referees.filter((r) => !answers.has(r.email.toLowerCase())).map((r) => ({ value: r.email, label: `${r.name} (${r.organisation})` }));
  const undecided = open.map((c) => ({ value: c.email, label: nameOf(c.email) }));
  const clearBlocked = open.length && check && !['cleared', 'waived', 'failed'].includes(check.status)
    ? <div class="blocked"><button type="button" disabled>Clear</button><p class="hint">Cannot clear yet: {open.map((c) => nameOf(c.email)).join(', ')}’s reference gives concern. A senior manager must record a decision first.</p></div>
    : null;
  return (
    <CheckFrame d={d} check="references" open={open.length ? ['references.concernReviewed'] : []} notice={clearBlocked}
      choices={{ 'references.received': { refereeEmail: waitingAnswer }, 'references.concernReviewed': { refereeEmail: undecided } }}>
      <p class="hint">{ctx.referencesRequired ?? 2} references needed, covering the last 3 years with the two most recent employers; {answers.size} received.</p>
      {open.map((c) => {
        const a = answers.get(c.email.toLowerCase());
        return (
          <div class="concern">
            <p><strong>Concern in the reference from {nameOf(c.email)}</strong>: {c.reasons.join(', ')}.</p>
            {a?.concerns ? <p>The referee wrote: “{a.concerns}”</p> : null}
            <p>“Clear” is blocked until a senior manager records a decision with a reason.</p>
          </div>
        );
      })}
      {referees.length ? (
        <div class="table-wrap"><table class="referees">
          <caption>Referees and their answers</caption>
          <thead><tr><th scope="col">Referee</th><th scope="col">Covers</th><th scope="col">Dates confirmed</th><th scope="col">Role confirmed</th><th scope="col">Would re-employ</th><th scope="col">Concerns</th><th scope="col">Senior decision</th></tr></thead>
          <tbody>{referees.map((r) => {
            const a = answers.get(r.email.toLowerCase());
            const concern = concernOf(r.email);
            return (
              <tr class={concern && !concern.decision ? 'concern-row' : ''}>
                <th scope="row">{r.name}<span class="sub">{[r.jobTitle, r.organisation].filter(Boolean).join(', ')} · {optionLabel(r.relationship)}</span><span class="sub">{r.email}</span></th>
                <td>{r.coversFrom ? `${valueWords(r.coversFrom)} to ${r.coversTo ? valueWords(r.coversTo) : 'now'}` : '—'}</td>
                {answerCell(a, concern)}
                <td>{concern?.decision ? <>{concern.decision.accepted ? 'Accepted' : 'Rejected'} by {concern.decision.decidedBy} ({concern.decision.decidedByRole}): {concern.decision.reason}</> : concern ? <span class="tag overdue">Decision needed</span> : '—'}</td>
              </tr>
            );
          })}</tbody>
        </table></div>
      ) : <p>No referees given yet.</p>}
      {coverage ? (
        <>
          <h4>Coverage of the years required</h4>
          <CoverageTimeline from={coverage.from} to={coverage.to} referees={referees} gaps={coverage.gaps} holes={coverage.holes} />
          {coverage.unexplained.length ? <p class="concern-text">Not covered: {coverage.unexplained.map((h) => `${valueWords(h.from)} to ${valueWords(h.to)} (${h.days} days)`).join('; ')}.</p>
            : <p>Covered{coverage.gaps.length ? `, with ${coverage.gaps.length} explained gap${coverage.gaps.length === 1 ? '' : 's'}` : ''}.</p>}
          {coverage.gaps.map((g) => <p class="muted">Gap {valueWords(g.from)} to {valueWords(g.to)}: {optionLabel(g.reason).toLowerCase()}, “{g.explanation}”</p>)}
        </>
      ) : null}
      {ctx.waiverRequest ? <p><strong>Waiver asked for</strong>: {ctx.waiverRequest.reason} (needs approval by someone else).</p> : null}
    </CheckFrame>
  );
}
