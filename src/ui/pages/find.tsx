// Find anyone: one search across every status, a sortable list, and bulk actions on the rows
// ticked (each candidate acted on separately; the outcome of each shown).
import type { FoundCandidate } from '../../services/candidates/find.js';
import { StaffLayout, type StaffContext } from '../staff-layout.js';
import { professionLabel, programmeWords, shortDate, staffOwnerWords, staffStageLabel } from '../words.js';

export const statusWords: Record<string, string> = { in_progress: 'In progress', hired: 'Hired', withdrawn: 'Withdrawn', rejected: 'Unsuccessful', closed: 'Closed' };

export interface FindQuery { q?: string | undefined; status?: string | undefined; programme?: string | undefined; sort: string; dir: 'asc' | 'desc'; page: number }

const href = (f: FindQuery, over: Partial<FindQuery>) => {
  const v = { ...f, ...over };
  return `/find?${new URLSearchParams(Object.entries({ q: v.q ?? '', status: v.status ?? '', programme: v.programme ?? '', sort: v.sort, dir: v.dir, page: v.page > 1 ? String(v.page) : '' }).filter(([, x]) => x)).toString()}`;
};

function SortHeader(props: { f: FindQuery; sort: string; label: string }) {
  const here = props.f.sort === props.sort;
  const dir = here && props.f.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={here ? (props.f.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <a href={href(props.f, { sort: props.sort, dir, page: 1 })}>{props.label}{here ? (props.f.dir === 'asc' ? ' ▲' : ' ▼') : ''}</a>
    </th>
  );
}

export interface FindPageProps {
  staff: StaffContext; f: FindQuery; programmes: string[]; items: FoundCandidate[]; total: number; pageSize: number; now: Date;
  canBulk: boolean; moves: { value: string; label: string; needsReason: boolean }[];
  outcome?: { ok: number; failed: { name: string; message: string }[] } | undefined;
  error?: string | undefined;
}

export function FindPage(props: FindPageProps) {
  const { f } = props;
  const days = (d: Date) => Math.floor((props.now.getTime() - d.getTime()) / 86_400_000);
  return (
    <StaffLayout staff={props.staff} title="Find someone" current="/find">
      <h1>Find someone</h1>
      {props.error ? <div class="card error" role="alert"><p>{props.error}</p></div> : null}
      {props.outcome ? (
        <div class="card notice" role="status"><p>Done for {props.outcome.ok}. {props.outcome.failed.length ? `Not done for ${props.outcome.failed.length}:` : ''}</p>
          {props.outcome.failed.length ? <ul>{props.outcome.failed.map((x) => <li>{x.name}: {x.message}</li>)}</ul> : null}</div>
      ) : null}
      <form class="filters" method="get" action="/find" role="search">
        <div><label for="find-q">Name, email, phone or registration number</label><input type="search" id="find-q" name="q" value={f.q ?? ''} maxlength={100} /></div>
        <div><label for="find-status">Status</label>
          <select id="find-status" name="status"><option value="">Any status</option>{Object.entries(statusWords).map(([v, l]) => <option value={v} selected={f.status === v}>{l}</option>)}</select></div>
        <div><label for="find-programme">Programme</label>
          <select id="find-programme" name="programme"><option value="">Any programme</option>{props.programmes.map((p) => <option value={p} selected={f.programme === p}>{programmeWords[p]}</option>)}</select></div>
        <input type="hidden" name="sort" value={f.sort} /><input type="hidden" name="dir" value={f.dir} />
        <button type="submit">Find</button>
      </form>
      <p>{props.total} {props.total === 1 ? 'person' : 'people'}{f.q || f.status || f.programme ? ' match' : ''}.</p>
      <form method="post" action={`/find/bulk${href(f, {}).slice(5)}`} id="bulk">
        <input type="hidden" name="_csrf" value={props.staff.csrf} />
        <div class="table-wrap"><table class="sortable">
          <caption class="visually-hidden">Candidates, sorted by {f.sort}</caption>
          <thead><tr>{props.canBulk ? <th scope="col"><span class="visually-hidden">Select</span></th> : null}
            <SortHeader f={f} sort="name" label="Name" /><th scope="col">Profession</th><SortHeader f={f} sort="stage" label="Stage" />
            <SortHeader f={f} sort="status" label="Status" /><th scope="col">Who acts</th><SortHeader f={f} sort="inStage" label="Days in stage" /><SortHeader f={f} sort="applied" label="Applied" /></tr></thead>
          <tbody>{props.items.map((c) => (
            <tr>
              {props.canBulk ? <td><input type="checkbox" name="ids" value={c.id} id={`pick-${c.id}`} aria-label={`Select ${c.fullName}`} /></td> : null}
              <th scope="row"><a href={`/candidates/${c.id}`}>{c.fullName}</a><span class="sub">{c.email}{c.registrationNumber ? ` · ${c.registrationNumber}` : ''}</span></th>
              <td>{professionLabel(c.profession)}</td><td>{staffStageLabel(c.stage)}</td><td>{statusWords[c.status] ?? 'In progress'}</td>
              <td>{staffOwnerWords[c.owner] ?? '—'}</td><td>{c.status === 'in_progress' ? days(c.stageEnteredAt) : '—'}</td><td>{shortDate(c.createdAt)}</td>
            </tr>
          ))}</tbody>
        </table></div>
        {props.total > props.pageSize * f.page ? <p><a href={href(f, { page: f.page + 1 })}>Next page</a></p> : null}
        {props.canBulk && props.items.length ? (
          <fieldset class="bulk-action"><legend>With the people ticked</legend>
            <label for="bulk-move">Action</label>
            <select id="bulk-move" name="move"><option value="">Choose…</option>{props.moves.map((m) => <option value={m.value}>{m.label}</option>)}</select>
            <label for="bulk-reason">Reason<span class="hint">Needed to withdraw or reject; the candidates see it</span></label>
            <textarea id="bulk-reason" name="reason" rows={2} maxlength={2000}></textarea>
            <button type="submit" class="hold">Apply to the people ticked</button>
          </fieldset>
        ) : null}
      </form>
    </StaffLayout>
  );
}
