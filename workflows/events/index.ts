// One catalog of every event any machine accepts. Event types are unique across programmes, so
// the same name means the same payload everywhere.
import { commonEvents } from './common.js';
import { checkEvents } from './checks.js';
import { internationalEvents } from './international.js';
import { hcswdEvents } from './hcswd.js';
import type { EventCatalog } from './types.js';

export const eventCatalog: EventCatalog = {
  ...commonEvents,
  ...checkEvents,
  ...internationalEvents,
  ...hcswdEvents,
};

export type { EventCatalog, EventSpec } from './types.js';
