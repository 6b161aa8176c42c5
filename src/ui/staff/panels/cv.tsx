// The CV: a link that opens the PDF itself (viewing is audited), and what the parser read,
// field by field in words beside the record, with a clear warning when the CV's name or email is
// not the candidate's. Parsed values are accepted (or corrected) one at a time, never silently.
import type { CandidateWithJourney } from '../../../services/candidates/get.js';
import { professionLabel } from '../../words.js';

export interface CvSummary {
  status: string;
  filename?: string;
  documentId?: string;
  error?: { code: string; detail: string } | null;
  fields: Record<string, { value: unknown; confidence: number }>;
  reviewed: Record<string, { decision: string }>;
  duplicates: { candidateId: string; matchedOn: string; value: string }[];
}

const cvLabels: Record<string, string> = {
  fullName: 'Name', email: 'Email', phone: 'Phone', postcode: 'Postcode', profession: 'Profession', registrations: 'Registrations',
  englishTest: 'English test', employment: 'Employment', gapsOverThreeMonths: 'Gaps over 3 months',
};
const order = ['fullName', 'email', 'phone', 'postcode', 'profession', 'registrations', 'englishTest', 'employment', 'gapsOverThreeMonths'];
const rank = (k: string) => (order.indexOf(k) + 1 || 99);

const statusWords: Record<string, string> = { pending: 'Being read', parsed: 'Read', failed: 'Could not be read' };

const month = (m: string | null) => (m ? (m.length === 7 ? new Date(`${m}-01T12:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric' }) : m) : 'now');

/** A parsed value in words (lists as lines, never JSON). */
export function cvValueWords(name: string, v: unknown): string[] {
  if (v === null || v === undefined || (Array.isArray(v) && !v.length)) return ['—'];
  if (name === 'profession' && typeof v === 'string') return [professionLabel(v)];
  if (name === 'registrations' && Array.isArray(v)) return v.map((r) => `${r.body} ${r.number}${r.country ? ` (${r.country})` : ''}`.trim());
  if (name === 'employment' && Array.isArray(v)) return v.map((e) => `${e.title ?? 'Role'}${e.employer ? ` at ${e.employer}` : ''}, ${month(e.start)} to ${month(e.end)}`);
  if (name === 'gapsOverThreeMonths' && Array.isArray(v)) return v.map((g) => `${month(g.from)} to ${month(g.to)}`);
  if (name === 'englishTest' && typeof v === 'object') {
    const t = v as { type: string; overall?: number | null; bands: Record<string, unknown>; date: string | null };
    return [`${t.type}${t.overall ? ` overall ${t.overall}` : ''}: ${Object.entries(t.bands).map(([k, b]) => `${k} ${b}`).join(', ')}${t.date ? `, ${new Date(`${t.date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}` : ''}`];
  }
  return [String(v)];
}

const norm = (s: unknown) => String(s ?? '').toLowerCase().replace(/[^a-z0-9@.]/g, '');

export function CvPanel(props: { cv: CvSummary; candidate: CandidateWithJourney; csrf: string; canReview: boolean }) {
  const { cv, candidate } = props;
  const record: Record<string, unknown> = { fullName: candidate.fullName, email: candidate.email, phone: candidate.phone, postcode: candidate.postcode, profession: candidate.profession, registrations: candidate.registrationNumber ? [{ body: '', number: candidate.registrationNumber }] : null };
  const cvName = cv.fields.fullName?.value;
  const cvEmail = cv.fields.email?.value;
  const differs = [
    cvName && norm(cvName) !== norm(candidate.fullName) ? `the name on the CV is “${String(cvName)}”, the candidate is “${candidate.fullName}”` : null,
    cvEmail && norm(cvEmail) !== norm(candidate.email) ? `the email on the CV is ${String(cvEmail)}, the candidate’s is ${candidate.email}` : null,
  ].filter(Boolean);
  return (
    <section class="card" aria-labelledby="cv" id="panel-cv">
      <h2 id="cv">CV</h2>
      <p>{cv.documentId ? <a href={`/candidates/${candidate.id}/cv/file`} target="_blank" rel="noopener">Open the CV ({cv.filename ?? 'PDF'})</a> : null} <span class="tag">{statusWords[cv.status] ?? 'Being read'}</span></p>
      {cv.error ? <p>{cv.error.detail}</p> : null}
      {differs.length ? <div class="concern"><p><strong>This CV may not be this candidate’s</strong>: {differs.join('; ')}. Check before accepting anything from it.</p></div> : null}
      {cv.duplicates.length ? <div class="concern"><p>Possible duplicate: {cv.duplicates.map((d) => <a href={`/candidates/${d.candidateId}`}>another candidate with the same {d.matchedOn} ({d.value}) </a>)}</p></div> : null}
      {Object.keys(cv.fields).length ? (
        <div class="table-wrap"><table class="cv-review">
          <caption>Read from the CV: check each value before accepting it</caption>
          <thead><tr><th scope="col">Field</th><th scope="col">On the record</th><th scope="col">From the CV</th><th scope="col">Sure</th><th scope="col">Decision</th></tr></thead>
          <tbody>{Object.entries(cv.fields).sort(([a], [b]) => rank(a) - rank(b)).map(([name, f]) => (
            <tr>
              <th scope="row">{cvLabels[name] ?? name}</th>
              <td>{name in record ? cvValueWords(name, record[name]).join(', ') : '—'}</td>
              <td>{cvValueWords(name, f.value).map((l) => <span class="line">{l}</span>)}</td>
              <td>{Math.round(f.confidence * 100)}%</td>
              <td>{cv.reviewed[name] ? (cv.reviewed[name]!.decision === 'corrected' ? 'Corrected' : 'Accepted') : props.canReview && f.value !== null && f.value !== undefined ? (
                <form method="post" action={`/candidates/${candidate.id}/cv/accept`}>
                  <input type="hidden" name="_csrf" value={props.csrf} />
                  <input type="hidden" name="field" value={name} />
                  {cv.documentId ? <input type="hidden" name="documentId" value={cv.documentId} /> : null}
                  {['fullName', 'email', 'phone', 'postcode'].includes(name) ? (
                    <><label for={`cv-${name}`} class="muted">Correct it (optional)</label><input type="text" id={`cv-${name}`} name="value" placeholder={String(f.value)} /></>
                  ) : null}
                  <button class="hold" type="submit">Accept</button>
                </form>
              ) : '—'}</td>
            </tr>
          ))}</tbody>
        </table></div>
      ) : null}
    </section>
  );
}
