// The applicant names their referees and the dates each covers, and sees as they go how much of
// the last 3 years is covered and where the gaps are; a gap of more than the policy's length needs
// an explanation. "Check my dates" and "Add another referee" post back without sending anything.
import { gapReasons, refereeRelationships } from '../../../workflows/vocabulary.js';
import type { ReferenceCoverage } from '../../../workflows/types.js';
import { longDate } from '../../email/templates/format.js';
import { Layout } from '../layout.js';
import { ErrorSummary, Field, type FieldError, Select, TextArea } from './form-bits.js';

const relationshipWords: Record<string, string> = {
  line_manager: 'My line manager', employer: 'My employer (HR or a manager)', education: 'My school, college or university', character: 'Someone who knows me (character reference)',
};
const gapWords: Record<string, string> = {
  education: 'Education', caring: 'Caring for someone', health: 'Health', parental_leave: 'Parental leave', travel: 'Travel', unemployed: 'Looking for work', other: 'Something else',
};

export interface RefereesForm { referees: number; gaps: number; values: Record<string, string> }

export function PortalReferees(props: { applicationId: string; csrf: string; version: number; required: number; gapDays: number; form: RefereesForm; coverage: ReferenceCoverage | null; errors: FieldError[] }) {
  const { form, coverage, errors } = props;
  const v = (name: string) => form.values[name];
  return (
    <Layout title="Your referees" signOut={{ action: '/portal/sign-out', csrf: props.csrf }}>
      <p><a href={`/portal/applications/${props.applicationId}`}>Back to your application</a></p>
      <h1>Your referees</h1>
      <ErrorSummary errors={errors} />
      <p>Give at least {props.required} referees who together cover the last 3 years, including your two most recent employers. Tell us about any gap of more than {props.gapDays} days when you were not working or studying.</p>
      <section class="card" aria-labelledby="coverage" aria-live="polite">
        <h2 id="coverage">Your last 3 years</h2>
        {coverage ? (
          <>
            <p>From {longDate(coverage.from)} to today.</p>
            {coverage.holes.length ? (
              <ul class="coverage">{coverage.holes.map((g) => {
                const explained = !coverage.unexplained.some((u) => u.from <= g.to && u.to >= g.from);
                return <li class={explained ? '' : 'gap'}>{longDate(g.from)} to {longDate(g.to)} ({g.days} days): {explained ? (g.days <= props.gapDays ? 'short enough to need no explanation' : 'explained') : 'not covered: add a referee who covers it, or explain the gap'}</li>;
              })}</ul>
            ) : <p>Your referees cover all 3 years.</p>}
            {coverage.complete ? <p><strong>Your history is complete.</strong></p> : null}
          </>
        ) : <p>Enter your referees' dates and choose "Check my dates" to see what they cover.</p>}
      </section>
      <form class="card" method="post" action={`/portal/applications/${props.applicationId}/referees`} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="_version" value={String(props.version)} />
        <input type="hidden" name="rows" value={String(form.referees)} />
        <input type="hidden" name="gapRows" value={String(form.gaps)} />
        {Array.from({ length: form.referees }, (_, i) => (
          <fieldset class="group">
            <legend>Referee {i + 1}</legend>
            <Field name={`referees.${i}.name`} label="Full name" errors={errors} value={v(`referees.${i}.name`)} maxlength={200} />
            <Field type="email" name={`referees.${i}.email`} label="Email address" hint="We send the request here." errors={errors} value={v(`referees.${i}.email`)} maxlength={320} />
            <Field name={`referees.${i}.organisation`} label="Organisation" hint="The employer, or place of study." errors={errors} value={v(`referees.${i}.organisation`)} maxlength={200} />
            <Field name={`referees.${i}.jobTitle`} label="Their job title (optional)" errors={errors} value={v(`referees.${i}.jobTitle`)} maxlength={200} />
            <Select name={`referees.${i}.relationship`} label="Who are they to you?" errors={errors} value={v(`referees.${i}.relationship`)}
              options={refereeRelationships.map((r) => ({ value: r, label: relationshipWords[r] ?? r }))} />
            <Field type="date" name={`referees.${i}.coversFrom`} label="You worked or studied there from" hint="Not for a character referee." errors={errors} value={v(`referees.${i}.coversFrom`)} />
            <Field type="date" name={`referees.${i}.coversTo`} label="Until" hint="Leave empty if you are still there." errors={errors} value={v(`referees.${i}.coversTo`)} />
          </fieldset>
        ))}
        <button class="secondary" type="submit" name="intent" value="add">Add another referee</button>
        <h2>Gaps in your history</h2>
        {Array.from({ length: form.gaps }, (_, i) => (
          <fieldset class="group">
            <legend>Gap {i + 1} (leave empty if there is none)</legend>
            <Field type="date" name={`gaps.${i}.from`} label="From" errors={errors} value={v(`gaps.${i}.from`)} />
            <Field type="date" name={`gaps.${i}.to`} label="To" errors={errors} value={v(`gaps.${i}.to`)} />
            <Select name={`gaps.${i}.reason`} label="Why" errors={errors} value={v(`gaps.${i}.reason`)} options={gapReasons.map((r) => ({ value: r, label: gapWords[r] ?? r }))} />
            <TextArea name={`gaps.${i}.explanation`} label="Tell us more" errors={errors} value={v(`gaps.${i}.explanation`)} />
          </fieldset>
        ))}
        <button class="secondary" type="submit" name="intent" value="addGap">Add another gap</button>
        <div>
          <button class="secondary" type="submit" name="intent" value="check">Check my dates</button>
          <button type="submit" name="intent" value="send">Send requests to my referees</button>
        </div>
      </form>
    </Layout>
  );
}
