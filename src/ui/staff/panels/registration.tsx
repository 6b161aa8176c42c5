// Professional registration: the regulator and number, what the register showed and when, and
// when the registration is due for renewal.
import { optionLabel } from '../field-words.js';
import { valueWords } from '../history-words.js';
import { CheckFrame, Facts } from './check-frame.js';
import { type RecordData, latestPayload } from './types.js';

export function RegistrationPanel(props: { d: RecordData }) {
  const { d } = props;
  const reg = d.candidate.journey.context.registration;
  const p = latestPayload(d, 'registration.cleared');
  const renewal = reg?.renewalDueOn;
  const soon = renewal !== undefined && Date.parse(`${renewal}T00:00:00Z`) - d.now.getTime() < 60 * 86_400_000;
  if (!d.candidate.journey.checks.some((c) => c.name === 'registration') && !reg) return null;
  return (
    <CheckFrame d={d} check="registration">
      <Facts rows={[
        ['Regulator', reg?.body],
        ['Registration number', reg?.number ?? d.candidate.registrationNumber ?? undefined],
        ['What the register shows', reg?.status ? optionLabel(reg.status) : 'Not checked yet'],
        ['Register checked', reg?.checkedAt ? valueWords(reg.checkedAt.slice(0, 10)) : undefined],
        ['Renewal due', renewal ? <>{valueWords(renewal)} {soon ? <span class="tag overdue">Within 60 days</span> : null}</> : undefined],
        ['Licence to practise', p?.licenceToPractise === undefined ? undefined : valueWords(p.licenceToPractise)],
      ]} />
    </CheckFrame>
  );
}
