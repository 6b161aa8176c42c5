// Placeholder until the international machine lands: the registry needs the export.
import { domesticMachine } from './domestic.js';
import { type Policy, defaultPolicy } from './policy.js';
export const internationalMachine = (policy: Policy = defaultPolicy) => domesticMachine(policy);
