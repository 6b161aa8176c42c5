// Right to work: how it was checked (share code, manual document, IDVT), what it shows, and when
// a time-limited permission ends and its follow-up check is due.
import { optionLabel } from '../field-words.js';
import { valueWords } from '../history-words.js';
import { CheckFrame, Facts } from './check-frame.js';
import { type RecordData, latestPayload } from './types.js';

export function RightToWorkPanel(props: { d: RecordData }) {
  const { d } = props;
  const p = latestPayload(d, 'rightToWork.cleared');
  const ends = typeof p?.permissionExpiresOn === 'string' ? p.permissionExpiresOn : undefined;
  const soon = ends !== undefined && Date.parse(`${ends}T00:00:00Z`) - d.now.getTime() < 60 * 86_400_000;
  return (
    <CheckFrame d={d} check="rightToWork">
      <p class="hint">By share code (online check), by the original document, or by IDVT for a British or Irish passport only.</p>
      {p ? (
        <Facts rows={[
          ['How it was checked', optionLabel(String(p.method))],
          ['Share code', p.shareCode ? String(p.shareCode) : undefined],
          ['Document checked', p.documentType ? optionLabel(String(p.documentType)) : undefined],
          ['Document expires', p.documentExpiresOn ? valueWords(p.documentExpiresOn) : undefined],
          ['Permission to work', optionLabel(String(p.permission))],
          ['Permission ends', ends ? <>{valueWords(ends)} {soon ? <span class="tag overdue">Ends within 60 days</span> : null}</> : undefined],
          ['Follow-up check due', p.followUpOn ? valueWords(p.followUpOn) : undefined],
        ]} />
      ) : <p>Nothing recorded yet.</p>}
    </CheckFrame>
  );
}
