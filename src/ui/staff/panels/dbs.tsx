// Criminal record (DBS): the level the role needs, the certificate's details (number, issue date,
// level, outcome: never a copy) and the Update Service.
import { optionLabel } from '../field-words.js';
import { valueWords } from '../history-words.js';
import { CheckFrame, Facts } from './check-frame.js';
import { type RecordData, latestPayload } from './types.js';

export function DbsPanel(props: { d: RecordData }) {
  const { d } = props;
  const p = latestPayload(d, 'dbs.cleared');
  const identityDone = d.candidate.journey.checks.find((c) => c.name === 'identity')?.status === 'cleared';
  const status = d.candidate.journey.checks.find((c) => c.name === 'dbs')?.status;
  // The machine does not offer "clear" before identity is verified: say why instead of hiding it.
  const waiting = !identityDone && status !== undefined && !['cleared', 'failed', 'not_required'].includes(status)
    ? <div class="blocked"><button type="button" disabled>Clear</button><p class="hint">Cannot clear yet: a DBS check is sent or cleared only once the identity check is cleared.</p></div>
    : null;
  return (
    <CheckFrame d={d} check="dbs" notice={waiting}>
      <Facts rows={[['Level this role needs', <strong>{optionLabel(d.dbsLevelNeeded)}</strong>]]} />
      {p ? (
        <Facts rows={[
          ['Certificate number', String(p.certificateNumber ?? '')],
          ['Issued', p.issueDate ? valueWords(p.issueDate) : undefined],
          ['Level on the certificate', optionLabel(String(p.level))],
          ['Outcome', optionLabel(String(p.outcome))],
          ['Risk assessed by', p.riskAssessedBy ? String(p.riskAssessedBy) : undefined],
          ['DBS Update Service', p.updateService ? `Yes, joined ${p.updateServiceSubscribedOn ? valueWords(p.updateServiceSubscribedOn) : ''}` : 'No'],
        ]} />
      ) : <p>No certificate recorded yet.</p>}
    </CheckFrame>
  );
}
