// Identity: the documents seen (a checklist with their dates), how they were seen, and whether
// the originals of an IDVT check have since been seen in person.
import { optionLabel } from '../field-words.js';
import { valueWords } from '../history-words.js';
import { CheckFrame, Facts } from './check-frame.js';
import { type RecordData, latestPayload } from './types.js';

interface Doc { kind: string; use: string; issuedOn?: string; expiresOn?: string; issuer?: string; originalSeen: boolean }

export function IdentityPanel(props: { d: RecordData }) {
  const { d } = props;
  const cleared = latestPayload(d, 'identity.cleared');
  const docs = (cleared?.documents ?? []) as Doc[];
  const ctx = d.candidate.journey.context;
  return (
    <CheckFrame d={d} check="identity">
      <p class="hint">Needed: 2 photo IDs and 1 proof of address, or 1 photo ID and 2 proofs of address, in date, originals seen before the first shift.</p>
      {cleared ? (
        <>
          <Facts rows={[['How it was checked', optionLabel(String(cleared.method))], ['Originals seen in person', ctx.identityCheck?.method === 'idvt' ? (ctx.identityCheck.originalsSeenAt ? `Yes, ${valueWords(ctx.identityCheck.originalsSeenAt.slice(0, 10))}` : 'Not yet: needed before the first shift') : 'Yes']]} />
          <div class="table-wrap"><table>
            <caption>Documents seen</caption>
            <thead><tr><th scope="col">Document</th><th scope="col">Used as</th><th scope="col">Date on it</th><th scope="col">Expires</th><th scope="col">Issued by</th><th scope="col">Original seen</th></tr></thead>
            <tbody>{docs.map((x) => <tr><th scope="row">{optionLabel(x.kind)}</th><td>{optionLabel(x.use)}</td><td>{x.issuedOn ? valueWords(x.issuedOn) : '—'}</td><td>{x.expiresOn ? valueWords(x.expiresOn) : '—'}</td><td>{x.issuer ?? '—'}</td><td>{x.originalSeen ? 'Yes' : 'No (IDVT)'}</td></tr>)}</tbody>
          </table></div>
        </>
      ) : <p>No documents recorded yet.</p>}
    </CheckFrame>
  );
}
