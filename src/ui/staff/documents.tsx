// The applicant's documents on the recruiter's record, grouped by the check each serves. Each
// opens from Intake itself (the fetch is scoped and audited); there is never a DBS certificate.
import { checkSpecs } from '../../../workflows/checks.js';
import { checkNames } from '../../../workflows/types.js';
import type { StoredDocument } from '../../services/documents/store.js';
import { shortDate } from '../words.js';

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function StaffDocuments(props: { candidateId: string; documents: StoredDocument[] }) {
  const byCheck = checkNames.map((ch) => ({ ch, docs: props.documents.filter((d) => d.check === ch) })).filter((g) => g.docs.length);
  return (
    <section class="card" aria-labelledby="documents">
      <h2 id="documents">Documents</h2>
      {byCheck.length ? byCheck.map(({ ch, docs }) => (
        <>
          <h3>{checkSpecs[ch].title}</h3>
          <ul>{docs.map((d) => (
            <li><a href={`/candidates/${props.candidateId}/documents/${d.id}`}>{d.kindLabel}</a> <span class="muted">{d.filename}, {size(d.sizeBytes)}, {d.uploadedBy === 'applicant' ? 'from the applicant' : 'added by staff'} {shortDate(d.createdAt)}</span></li>
          ))}</ul>
        </>
      )) : <p>No documents yet.</p>}
    </section>
  );
}
