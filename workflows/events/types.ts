import type { z } from 'zod';
import type { EventIntent, JourneyContext } from '../types.js';

/**
 * What the API and the pages know about an event: a label for the button, the intent that
 * decides its styling, the zod schema of its payload (strict: unknown fields are refused) and an
 * example payload that is valid for the journey as it is now (`at` is the time of the request).
 */
export interface EventSpec {
  label: string;
  intent: EventIntent;
  schema: z.ZodObject;
  example: (context: JourneyContext, at: string) => Record<string, unknown>;
  /** The rule a guard applies to this event, said plainly: shown when the event is refused. */
  rule?: string;
}

export type EventCatalog = Record<string, EventSpec>;
