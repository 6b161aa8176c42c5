// The standard each event is held to: one table, event type → rules, built from the policy. The
// machines apply it through the `meetsStandard` guard on every transition (see standardise.ts),
// whatever state takes the event; the refusal of an event names the first rule it fails.
import type { Policy } from '../policy.js';
import type { Rule } from '../refusal.js';
import { dbsCheckRules } from './dbs.js';
import { hcswdRuleTable } from './hcswd.js';
import { identityRules } from './identity.js';
import { internationalRuleTable } from './international.js';
import { interviewSlotRules } from './interview-slots.js';
import { journeyRules } from './journey.js';
import { referenceRules } from './references.js';
import { registrationRules } from './registration.js';
import { rightToWorkRules } from './right-to-work.js';
import { workHealthRules } from './work-health.js';

export function eventRules(policy: Policy): Readonly<Record<string, readonly Rule[]>> {
  return {
    ...journeyRules(policy),
    ...interviewSlotRules(),
    ...identityRules(policy),
    ...rightToWorkRules(),
    ...registrationRules(policy),
    ...referenceRules(policy),
    ...dbsCheckRules(policy),
    ...workHealthRules(),
    ...internationalRuleTable(policy),
    ...hcswdRuleTable(policy),
  };
}
