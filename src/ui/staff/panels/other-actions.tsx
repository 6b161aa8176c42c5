// The steps outside the checks and the interview: screening, the offer, onboarding, training,
// the first shift, programme steps, and the exits (withdraw, reject). Forms start empty.
import { EventForm } from './forms.js';
import { type RecordData, retryFor } from './types.js';

export function OtherActions(props: { d: RecordData; handled: (type: string) => boolean }) {
  const { d } = props;
  const events = d.candidate.journey.allowedEvents.filter((e) => !props.handled(e.type));
  return (
    <section class="card events" aria-labelledby="actions">
      <h2 id="actions">What can happen now</h2>
      {!d.canAct ? <p>You can read this candidate but not act on their journey.</p>
        : d.candidate.journey.allowedEvents.length === 0 ? <p>Nothing: this journey has finished.</p>
        : !events.length ? <p>Everything that can happen now is in the panels below.</p>
        : (['advance', 'hold', 'exit'] as const).map((intent) => {
          const list = events.filter((e) => e.intent === intent);
          return list.length ? <div><h3>{intent === 'advance' ? 'Move on' : intent === 'hold' ? 'Other actions' : 'End or change'}</h3>
            {list.map((e) => <EventForm event={e} candidateId={d.candidate.id} version={d.candidate.journey.version} csrf={d.csrf} retry={retryFor(d, e.type)} />)}</div> : null;
        })}
    </section>
  );
}
