import type { Role } from './permissions.js';

/**
 * Who is asking: a member of staff (by API token or browser session), an applicant signed in by
 * a link sent to their email address (every application made with it is theirs), or a referee
 * holding a one-time link to one reference request of one journey.
 */
export type StaffPrincipal = { kind: 'staff'; role: Role; userId: string | null; tokenId: string | null; via: 'token' | 'session' };
export type ApplicantPrincipal = { kind: 'applicant'; email: string };
export type RefereePrincipal = { kind: 'referee'; requestId: string; journeyId: string };
export type Principal = StaffPrincipal | ApplicantPrincipal | RefereePrincipal;

/** How the history names who acted (journey_events.actor_type, actor_id); an applicant by the application they acted on. */
export function actorOf(p: StaffPrincipal): { type: 'user'; id: string | null };
export function actorOf(p: Principal, candidateId?: string): { type: 'user' | 'applicant' | 'referee'; id: string | null };
export function actorOf(p: Principal, candidateId?: string) {
  if (p.kind === 'staff') return { type: 'user' as const, id: p.userId ?? p.tokenId };
  if (p.kind === 'applicant') return { type: 'applicant' as const, id: candidateId ?? null };
  return { type: 'referee' as const, id: p.requestId };
}
