// The interview: when and where, then a score for each of the six NHS values, literacy and
// numeracy for healthcare assistants and support workers, the panel, and the outcome.
import { labelOf } from '../field-words.js';
import { valueWords } from '../history-words.js';
import { Facts } from './check-frame.js';
import { EventForm } from './forms.js';
import { type RecordData, eventsOf, latestPayload, retryFor } from './types.js';

const interviewEvents = new Set(['interviewScheduled', 'interviewRescheduled', 'interviewPassed', 'assessmentScheduled', 'assessmentRescheduled', 'assessmentPassed']);
export const isInterviewEvent = (type: string) => interviewEvents.has(type);

export function InterviewPanel(props: { d: RecordData }) {
  const { d } = props;
  const ctx = d.candidate.journey.context;
  const events = eventsOf(d, isInterviewEvent);
  const passed = latestPayload(d, 'interviewPassed') ?? latestPayload(d, 'assessmentPassed');
  if (!ctx.interview && !passed && !events.length) return null;
  const tests = d.candidate.profession === 'healthcare_assistant' || d.candidate.programme === 'hcswd';
  const scores = (passed?.scores ?? passed?.valueScores ?? {}) as Record<string, number>;
  return (
    <section class="card" aria-labelledby="interview" id="panel-interview">
      <h3 id="interview">{d.candidate.programme === 'hcswd' ? 'Assessment' : 'Interview'}</h3>
      <Facts rows={[
        ['When', ctx.interview ? new Date(ctx.interview.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }) : 'Not booked yet'],
        ['Where', ctx.interview?.location],
      ]} />
      {passed ? (
        <>
          <div class="table-wrap"><table>
            <caption>Scores against the NHS values (1 to 5)</caption>
            <tbody>{Object.entries(scores).map(([k, v]) => <tr><th scope="row">{labelOf(k)}</th><td>{v}</td></tr>)}</tbody>
          </table></div>
          <Facts rows={[
            ['Literacy', passed.literacyScore !== undefined ? `${passed.literacyScore}%` : undefined],
            ['Numeracy', passed.numeracyScore !== undefined ? `${passed.numeracyScore}%` : undefined],
            ['Outcome', 'Passed'],
            ['Date', passed.occurredOn ? valueWords(passed.occurredOn) : undefined],
            ['Panel', passed.panel ? String(passed.panel) : undefined],
            ['Notes', passed.note ? String(passed.note) : undefined],
          ]} />
        </>
      ) : null}
      {d.canAct && events.length ? (
        <div class="actions"><h4>Actions now</h4>
          {events.map((e) => <EventForm event={e} candidateId={d.candidate.id} version={d.candidate.journey.version} csrf={d.csrf}
            retry={retryFor(d, e.type)} omit={tests ? [] : ['literacyScore', 'numeracyScore']} />)}
          {events.some((e) => e.type === 'interviewPassed') ? <p class="hint">Outcome: record the interview passed here; if the candidate did not pass, use “Reject” under “End or change” with the reason.</p> : null}
        </div>
      ) : null}
    </section>
  );
}
