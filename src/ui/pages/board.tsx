import type { BoardColumn, BoardFilters } from '../../services/board/columns.js';
import { professions } from '../../../workflows/types.js';
import { StaffLayout, type StaffContext } from '../staff-layout.js';
import { professionLabel, programmeWords, staffStageLabel, staffOwnerWords } from '../words.js';

const query = (f: BoardFilters, extra: Record<string, string> = {}) =>
  `?${new URLSearchParams(Object.entries({ programme: f.programme, profession: f.profession ?? '', owner: f.owner ?? '', overdue: f.overdue ? '1' : '', q: f.q ?? '', ...extra }).filter(([, v]) => v)).toString()}`;

const ownerOrder = ['recruiter', 'coordinator', 'candidate', 'third_party'];

function Card(props: { card: BoardColumn['cards'][number]; waiting?: Record<string, number> | undefined }) {
  const c = props.card;
  const w = props.waiting;
  return (
    <li class={`cardlet${c.overdue ? ' overdue' : ''}`}>
      <a href={`/candidates/${c.id}`}>{c.fullName}</a>
      <p>{professionLabel(c.profession)}</p>
      <p>{c.daysInStage} {c.daysInStage === 1 ? 'day' : 'days'} in stage {c.overdue ? <span class="tag overdue">overdue</span> : null}</p>
      {w && Object.keys(w).length ? (
        <p>Checks waiting on: {ownerOrder.filter((o) => w[o]).map((o) => <span class={`tag ${o}`}>{`${staffOwnerWords[o]}: ${w[o]}`}</span>)}</p>
      ) : <p>Next: <span class={`tag ${c.owner}`}>{staffOwnerWords[c.owner] ?? c.owner}</span></p>}
    </li>
  );
}

export function BoardPage(props: { staff: StaffContext; filters: BoardFilters; programmes: string[]; columns: BoardColumn[]; total: number; waiting?: Record<string, Record<string, number>> }) {
  const f = props.filters;
  return (
    <StaffLayout staff={props.staff} title={`Pipeline: ${programmeWords[f.programme]}`} current="/board">
      <h1>Pipeline</h1>
      <nav class="tabs" aria-label="Programme">
        {props.programmes.map((p) => <a href={`/board?programme=${p}`} aria-current={p === f.programme ? 'page' : undefined}>{programmeWords[p]}</a>)}
      </nav>
      <form class="filters" method="get" action="/board" role="search">
        <input type="hidden" name="programme" value={f.programme} />
        <div><label for="q">Search</label><input type="search" id="q" name="q" value={f.q ?? ''} placeholder="Name or email" maxlength={100} /></div>
        <div><label for="profession">Profession</label>
          <select id="profession" name="profession"><option value="">Any</option>{professions.map((p) => <option value={p} selected={f.profession === p}>{professionLabel(p)}</option>)}</select></div>
        <div><label for="owner">Who acts</label>
          <select id="owner" name="owner"><option value="">Anyone</option>{['candidate', 'recruiter', 'coordinator', 'third_party'].map((o) => <option value={o} selected={f.owner === o}>{staffOwnerWords[o]}</option>)}</select></div>
        <div class="choice"><input type="checkbox" id="overdue" name="overdue" value="1" checked={f.overdue} /><label for="overdue">Overdue only</label></div>
        <button type="submit">Filter</button>
      </form>
      <p>{props.total} candidates in progress{f.q || f.profession || f.owner || f.overdue ? ' match these filters' : ''}.</p>
      <div class="board">
        {props.columns.map((col) => (
          <section class="column" aria-labelledby={`col-${col.stage}`}>
            <h2 id={`col-${col.stage}`}><span>{staffStageLabel(col.stage)}</span><span class="tag">{col.count}</span></h2>
            <ol>{col.cards.map((card) => <Card card={card} waiting={props.waiting?.[card.journeyId]} />)}</ol>
            {col.nextCursor ? <a href={`/board/column${query(f, { stage: col.stage, cursor: col.nextCursor })}`}>Show more ({col.count - col.cards.length} more)</a> : null}
          </section>
        ))}
      </div>
    </StaffLayout>
  );
}

export function ColumnPage(props: { staff: StaffContext; filters: BoardFilters; stage: string; cards: BoardColumn['cards']; nextCursor: string | null }) {
  const f = props.filters;
  return (
    <StaffLayout staff={props.staff} title={`${staffStageLabel(props.stage)}: ${programmeWords[f.programme]}`} current="/board">
      <p><a href={`/board${query(f)}`}>Back to the pipeline</a></p>
      <h1>{staffStageLabel(props.stage)} <span class="muted">({programmeWords[f.programme]})</span></h1>
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">Candidate</th><th scope="col">Profession</th><th scope="col">Days in stage</th><th scope="col">Who acts</th></tr></thead>
        <tbody>{props.cards.map((c) => (
          <tr><td><a href={`/candidates/${c.id}`}>{c.fullName}</a></td><td>{professionLabel(c.profession)}</td>
            <td>{c.daysInStage} {c.overdue ? <span class="tag overdue">overdue</span> : null}</td><td>{staffOwnerWords[c.owner]}</td></tr>
        ))}</tbody>
      </table></div>
      {props.nextCursor ? <p><a class="button secondary" href={`/board/column${query(f, { stage: props.stage, cursor: props.nextCursor })}`}>Next page</a></p> : null}
    </StaffLayout>
  );
}
