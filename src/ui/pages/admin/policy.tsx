// The policy in force: every local choice the machines apply, in words (set by POLICY_* and POLICY_FILE).
import type { Policy } from '../../../../workflows/policy.js';
import { optionLabel } from '../../staff/field-words.js';
import { StaffLayout, type StaffContext } from '../../staff-layout.js';
import { professionLabel } from '../../words.js';

const rows = (p: Policy): [string, string][] => [
  ['A conditional offer expires after', `${p.offerExpiryDays} days (reminder on day ${p.offerReminderDays})`],
  ['Reference chasers', `days ${p.referenceChaseDays.join(', ')}; the employer’s HR contact asked on day ${p.referenceHrAlertDay}`],
  ['References needed', `${p.referencesRequired}, covering ${p.referenceYearsRequired} years; gaps over ${p.referenceGapDays} days explained`],
  ['A check counts as overdue after', `${p.checkDueDays} days`],
  ['Register checked again before a first shift', `within ${p.registrationRecheckDays} days`],
  ['Interview pass mark (each NHS value)', `${p.interviewValuesPassMark} of 5`],
  ['Literacy and numeracy pass marks', `${p.hcswdLiteracyPassMark}% and ${p.hcswdNumeracyPassMark}%`],
  ['Training', `target ${p.trainingTargetWeeks} weeks after clearance; no shifts beyond ${p.trainingGraceWeeks} weeks until done`],
  ['OSCE first attempt target', `${p.osceTargetWeeks} weeks after arrival`],
  ['Sponsorship limit', `${p.sponsorshipLimitMonths} months after arrival`],
  ['English test valid for', `${p.englishValidityMonths} months`],
  ['Attempts allowed', `CBT ${p.cbtMaxAttempts}, OSCE ${p.osceMaxAttempts}, at least ${p.minDaysBetweenAttempts} days apart`],
];

export function PolicyPage(props: { staff: StaffContext; policy: Policy }) {
  const p = props.policy;
  return (
    <StaffLayout staff={props.staff} title="Policy in force" current="/admin">
      <p><a href="/admin">Administration</a></p>
      <h1>Policy in force</h1>
      <p>Set at start-up from POLICY_* settings and the policy file; see docs/operations.md.</p>
      <section class="card"><dl class="summary">{rows(p).map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}</dl></section>
      <section class="card"><h2>DBS level each role needs</h2>
        <div class="table-wrap"><table><tbody>{Object.entries(p.dbsLevelByProfession).map(([prof, level]) => <tr><th scope="row">{professionLabel(prof)}</th><td>{optionLabel(level)}</td></tr>)}</tbody></table></div>
      </section>
      <section class="card"><h2>How recent a proof of address must be</h2>
        <div class="table-wrap"><table><tbody>{Object.entries(p.addressDocumentMaxAgeMonths).map(([kind, months]) => <tr><th scope="row">{optionLabel(kind)}</th><td>{months === null ? 'In date' : `${months} months`}</td></tr>)}</tbody></table></div>
      </section>
    </StaffLayout>
  );
}
