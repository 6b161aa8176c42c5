// Occupational health: the outcome and any restrictions (named, so shifts can respect them).
// Asked only after the offer is accepted (Equality Act 2010 s.60).
import { optionLabel } from '../field-words.js';
import { CheckFrame, Facts } from './check-frame.js';
import { type RecordData, latestPayload } from './types.js';

export function WorkHealthPanel(props: { d: RecordData }) {
  const { d } = props;
  const p = latestPayload(d, 'workHealth.cleared');
  const restrictions = (p?.restrictions ?? []) as string[];
  return (
    <CheckFrame d={d} check="workHealth">
      <p class="hint">Health questions only after the conditional offer is accepted.</p>
      {p ? (
        <Facts rows={[
          ['Outcome', optionLabel(String(p.outcome))],
          ['Restrictions', restrictions.length ? <strong>{restrictions.map(optionLabel).join(', ')}</strong> : 'None'],
          ['In practice', p.restrictionDetails ? String(p.restrictionDetails) : undefined],
        ]} />
      ) : <p>No outcome recorded yet.</p>}
    </CheckFrame>
  );
}
