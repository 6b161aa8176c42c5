// Data protection from the record: a subject-access export (a download) and erasure, with a
// confirmation step (typing the word ERASE) before anything is removed.
export function PrivacyPanel(props: { candidateId: string; csrf: string; canExport: boolean; canErase: boolean }) {
  if (!props.canExport && !props.canErase) return null;
  return (
    <section class="card" aria-labelledby="privacy">
      <h2 id="privacy">Personal data</h2>
      {props.canExport ? (
        <form method="post" action={`/candidates/${props.candidateId}/privacy/export`}>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <p>Download everything held about this person (a subject access request). The download is recorded in the audit log.</p>
          <button class="hold" type="submit">Download their data</button>
        </form>
      ) : null}
      {props.canErase ? (
        <details class="event"><summary>Erase this person’s data</summary>
          <form method="post" action={`/candidates/${props.candidateId}/privacy/erase`}>
            <input type="hidden" name="_csrf" value={props.csrf} />
            <p>Erasure removes their name, contact details, CV, documents and the evidence in their history. It cannot be undone.</p>
            <label for="erase-confirm">Type ERASE to confirm</label>
            <input type="text" id="erase-confirm" name="confirm" autocomplete="off" />
            <button class="warning" type="submit">Erase their data</button>
          </form>
        </details>
      ) : null}
    </section>
  );
}
