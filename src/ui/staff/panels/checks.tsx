// The six pre-employment checks, one panel each. Other work adds its own panels here.
import { checkNames } from '../../../../workflows/types.js';
import { DbsPanel } from './dbs.js';
import { IdentityPanel } from './identity.js';
import { ReferencesPanel } from './references.js';
import { RegistrationPanel } from './registration.js';
import { RightToWorkPanel } from './right-to-work.js';
import type { RecordData } from './types.js';
import { WorkHealthPanel } from './work-health.js';

/** Events the check panels offer (the rest go under "What can happen now"). */
export const checkEventHandled = (type: string) => checkNames.some((c) => type.startsWith(`${c}.`));

export function CheckPanels(props: { d: RecordData }) {
  const { d } = props;
  const mine = d.history.filter((h) => h.journeyId === d.candidate.journey.id);
  const has = (name: string) => d.candidate.journey.checks.some((c) => c.name === name) || mine.some((h) => h.type.startsWith(`${name}.`));
  if (!checkNames.some(has)) return null;
  return (
    <section aria-labelledby="checks" class="checks">
      <h2 id="checks">Pre-employment checks</h2>
      {has('identity') ? <IdentityPanel d={d} /> : null}
      {has('rightToWork') ? <RightToWorkPanel d={d} /> : null}
      {has('registration') ? <RegistrationPanel d={d} /> : null}
      {has('references') ? <ReferencesPanel d={d} /> : null}
      {has('dbs') ? <DbsPanel d={d} /> : null}
      {has('workHealth') ? <WorkHealthPanel d={d} /> : null}
    </section>
  );
}
