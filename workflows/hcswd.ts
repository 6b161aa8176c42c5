// Placeholder until the HCSWD machine lands: the registry needs the export.
import { domesticMachine } from './domestic.js';
import { type Policy, defaultPolicy } from './policy.js';
export const hcswdMachine = (policy: Policy = defaultPolicy) => domesticMachine(policy);
