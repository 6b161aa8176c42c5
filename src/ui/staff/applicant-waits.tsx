// Reports: how long each step waited on the applicant (their own answers in the portal).
import type { ApplicantWaitRow } from '../../services/reports/applicant-waits.js';

const stepWords: Record<string, string> = {
  offerAccepted: 'Accepting the offer', offerDeclined: 'Declining the offer', interviewSlotChosen: 'Choosing an interview time',
  'references.refereesProvided': 'Naming referees', 'identity.submitted': 'Identity documents or answer', 'rightToWork.submitted': 'Right to work details or answer',
  'registration.submitted': 'Registration query answered', 'references.submitted': 'References query answered', 'workHealth.submitted': 'Occupational health',
};

export function ApplicantWaits(props: { rows: ApplicantWaitRow[] }) {
  return (
    <section aria-labelledby="applicant-waits-h">
      <h2 id="applicant-waits-h">Waiting on the applicant</h2>
      <p>Days from our asking (the offer, interview times, the checks starting, a query) to the applicant’s own answer in the portal, by the month they answered.</p>
      {props.rows.length ? (
        <div class="table-wrap"><table>
          <caption>Days each step waited on the applicant</caption>
          <thead><tr><th scope="col">Step</th><th scope="col" class="num">Answers</th><th scope="col" class="num">Median days</th><th scope="col" class="num">90th percentile</th></tr></thead>
          <tbody>{props.rows.map((r) => <tr><th scope="row">{stepWords[r.step] ?? r.step}</th><td class="num">{r.count}</td><td class="num">{r.medianDays ?? '—'}</td><td class="num">{r.p90Days ?? '—'}</td></tr>)}</tbody>
        </table></div>
      ) : <p>No answers from applicants in these months.</p>}
    </section>
  );
}
