// History in words: who, what, and the evidence in brief, newest first.
import { type HistoryNames, historyLines } from '../history-words.js';
import { shortDate } from '../../words.js';
import type { HistoryEntry } from '../../../services/candidates/history.js';

export function HistoryPanel(props: { history: HistoryEntry[]; names: HistoryNames }) {
  const lines = historyLines(props.history, props.names).reverse();
  return (
    <section class="card" aria-labelledby="history">
      <h2 id="history">History</h2>
      <ol class="timeline">{lines.map((l) => (
        <li>
          <strong>{l.what}</strong> <span class="muted">{shortDate(l.at)} {new Date(l.at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })} · {l.who}</span>
          {l.detail ? <><br /><span>{l.detail}</span></> : null}
          {l.note ? <><br /><span class="muted">Note: {l.note}</span></> : null}
          {l.stage ? <><br /><span class="muted">{l.stage}</span></> : null}
        </li>
      ))}</ol>
    </section>
  );
}
