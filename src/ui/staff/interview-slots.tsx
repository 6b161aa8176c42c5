// The recruiter offers interview times; the applicant picks one in the portal and the invitation
// goes to both. Three rows; empty ones are left out.
import { dateTime } from '../../email/templates/format.js';

export function InterviewSlotsForm(props: { candidateId: string; csrf: string; version: number; offered: { at: string; location: string }[]; error?: string | undefined }) {
  return (
    <section class="card" aria-labelledby="interview-slots">
      <h2 id="interview-slots">Offer interview times</h2>
      {props.offered.length ? <><p>On offer to the applicant:</p><ul>{props.offered.map((s) => <li>{dateTime(s.at)}, at {s.location}</li>)}</ul></> : <p>Offer up to three times; the applicant chooses one in their portal and both of you get a calendar invitation.</p>}
      <form method="post" action={`/candidates/${props.candidateId}/interview-slots`}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="_version" value={String(props.version)} />
        {[0, 1, 2].map((i) => (
          <fieldset class="group">
            <legend>Time {i + 1}{i ? ' (optional)' : ''}</legend>
            <label for={`slot-${i}-at`}>Date and time<span class="hint">UK time</span></label>
            <input type="datetime-local" id={`slot-${i}-at`} name={`slot-${i}-at`} />
            <label for={`slot-${i}-location`}>Place<span class="hint">For example: Bank office, Level 2, Main Building</span></label>
            <input type="text" id={`slot-${i}-location`} name={`slot-${i}-location`} maxlength={200} />
          </fieldset>
        ))}
        <button type="submit">Offer these times</button>
      </form>
    </section>
  );
}
