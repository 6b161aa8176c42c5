// Who caused an event: written to every history row (journey_events.actor_type, actor_id).
export type ActorType = 'user' | 'system' | 'applicant' | 'referee';
export interface Actor { type: ActorType; id: string | null }
export const systemActor: Actor = { type: 'system', id: null };
