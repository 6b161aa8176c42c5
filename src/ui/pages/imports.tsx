// Importing candidates from a CSV: upload (with the programme for rows that name none), the dry
// run as a table of the rows that will not be imported and why, then one button to import the
// rest; afterwards, what was created and what was skipped. No script: each step is a form.
import type { ImportView } from '../../services/imports/manage.js';
import { StaffLayout, type StaffContext } from '../staff-layout.js';
import { programmeWords, shortDate } from '../words.js';

const fieldWords: Record<string, string> = {
  fullName: 'Name', email: 'Email', phone: 'Phone', postcode: 'Postcode', profession: 'Profession', programme: 'Programme',
  registrationNumber: 'Registration number',
};
const statusWords: Record<string, string> = {
  checked: 'Checked: not imported yet', queued: 'Waiting to import', running: 'Importing', done: 'Imported', failed: 'Stopped with an error',
};
/** "email: Invalid email address" → "Invalid email address": the field has its own column. */
const reason = (message: string) => message.replace(/^[a-zA-Z.]+: /, '').replace(/^./, (c) => c.toUpperCase());
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function ImportsPage(props: { staff: StaffContext; programmes: string[]; imports: ImportView[]; error?: string | undefined }) {
  return (
    <StaffLayout staff={props.staff} title="Import candidates" current="/imports" narrow>
      <h1>Import candidates</h1>
      {props.error ? <div class="card error" role="alert"><p>There is a problem</p><ul><li><a href="#file">{props.error}</a></li></ul></div> : null}
      <p>Add candidates from a CSV file, such as an export from NHS Jobs or TRAC. Nothing is added until you have seen the check and confirmed it.</p>
      <form class="card" method="post" action="/imports" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={props.staff.csrf} />
        <label for="file">CSV file</label>
        <span class="hint" id="file-hint">The first line names the columns: name (or forename and surname), email, phone, postcode, profession (or staff group), programme and registration number. Up to 5,000 rows.</span>
        <input type="file" id="file" name="file" accept=".csv,text/csv" required aria-describedby="file-hint" />
        <label for="programme">Programme for rows that do not name one</label>
        <span class="hint" id="programme-hint">Leave unchosen if the file has a programme column.</span>
        <select id="programme" name="programme" aria-describedby="programme-hint">
          <option value="">Not chosen</option>
          {props.programmes.map((p) => <option value={p}>{programmeWords[p] ?? p}</option>)}
        </select>
        <button type="submit">Check the file</button>
      </form>
      {props.imports.length ? (
        <div class="table-wrap"><table>
          <caption>Recent imports</caption>
          <thead><tr><th scope="col">File</th><th scope="col">Uploaded</th><th scope="col">Rows</th><th scope="col">Status</th></tr></thead>
          <tbody>{props.imports.map((i) => (
            <tr><td><a href={`/imports/${i.id}`}>{i.filename}</a></td><td>{shortDate(i.createdAt)}</td><td>{i.report.rows}</td><td>{statusWords[i.status] ?? i.status}</td></tr>
          ))}</tbody>
        </table></div>
      ) : null}
    </StaffLayout>
  );
}

export function ImportPage(props: { staff: StaffContext; item: ImportView; names: Map<number, string> }) {
  const { item, names } = props;
  const r = item.report;
  // Names are kept only until the import has run; afterwards the lines say which rows they were.
  const name = (line: number) => names.get(line) || <span class="muted">{names.size ? 'no name' : 'not kept'}</span>;
  const finished = item.status === 'done' || item.status === 'failed';
  return (
    <StaffLayout staff={props.staff} title={`Import: ${item.filename}`} current="/imports">
      <p><a href="/imports">Back to imports</a></p>
      <h1>Import: {item.filename}</h1>
      <dl class="summary card">
        <dt>Status</dt><dd>{statusWords[item.status] ?? item.status}</dd>
        <dt>Rows in the file</dt><dd>{r.rows.toLocaleString('en-GB')}</dd>
        <dt>Ready to import</dt><dd>{r.ready.toLocaleString('en-GB')}</dd>
        <dt>Not imported</dt><dd>{(r.rows - r.ready).toLocaleString('en-GB')}</dd>
        {r.columns.ignored.length ? <><dt>Columns not used</dt><dd>{r.columns.ignored.join(', ')}</dd></> : null}
      </dl>
      {item.status === 'checked' ? (
        <form class="card notice" method="post" action={`/imports/${item.id}/start`}>
          <input type="hidden" name="_csrf" value={props.staff.csrf} />
          <p>{r.ready ? `Import ${plural(r.ready, 'candidate')}? Each gets the usual application email, and their journey starts at the application.` : 'No row is ready to import: correct the file and check it again.'}</p>
          {r.ready ? <button type="submit">Import {plural(r.ready, 'candidate')}</button> : null}
        </form>
      ) : null}
      {item.status === 'queued' || item.status === 'running' ? (
        <div class="card notice"><p>{plural(item.progress, 'row')} of {r.ready.toLocaleString('en-GB')} done. <a href={`/imports/${item.id}`}>Refresh</a> to see progress.</p></div>
      ) : null}
      {item.result ? (
        <div class="card notice">
          <p>{plural(item.result.created.length, 'candidate')} added{item.result.skipped.length ? `; ${plural(item.result.skipped.length, 'row')} skipped because a matching candidate was added after the check` : ''}. <a href="/board">Go to the pipeline</a>.</p>
          {item.result.skipped.length ? <ul>{item.result.skipped.map((s) => <li>Line {s.line}: {reason(s.message)} (<a href={`/candidates/${s.candidateId}`}>see candidate</a>)</li>)}</ul> : null}
        </div>
      ) : null}
      {r.problems.length ? (
        <div class="table-wrap"><table>
          <caption>{plural(r.rows - r.ready, 'row')} {finished ? (r.rows - r.ready === 1 ? 'was' : 'were') : 'will'} not {finished ? 'imported' : 'be imported'}</caption>
          <thead><tr><th scope="col">Line</th><th scope="col">Name</th><th scope="col">Field</th><th scope="col">Problem</th></tr></thead>
          <tbody>{r.problems.map((p) => (
            <tr>
              <td>{p.line}</td><td>{name(p.line)}</td><td>{p.field ? fieldWords[p.field] ?? p.field : ''}</td>
              <td>{reason(p.message)}{p.candidateId ? <> (<a href={`/candidates/${p.candidateId}`}>see candidate</a>)</> : null}</td>
            </tr>
          ))}</tbody>
        </table></div>
      ) : <p>Every row is ready to import.</p>}
    </StaffLayout>
  );
}
