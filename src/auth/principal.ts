import type { Role } from './permissions.js';

/**
 * Who is asking: a member of staff (by API token or browser session), a signed-in applicant, or
 * a referee holding a one-time link to one reference request of one journey.
 */
export type StaffPrincipal = { kind: 'staff'; role: Role; userId: string | null; tokenId: string | null; via: 'token' | 'session' };
export type ApplicantPrincipal = { kind: 'applicant'; candidateId: string };
export type RefereePrincipal = { kind: 'referee'; requestId: string; journeyId: string };
export type Principal = StaffPrincipal | ApplicantPrincipal | RefereePrincipal;

/** How the history names who acted (journey_events.actor_type, actor_id). */
export function actorOf(p: StaffPrincipal): { type: 'user'; id: string | null };
export function actorOf(p: Principal): { type: 'user' | 'applicant' | 'referee'; id: string | null };
export function actorOf(p: Principal) {
  if (p.kind === 'staff') return { type: 'user' as const, id: p.userId ?? p.tokenId };
  if (p.kind === 'applicant') return { type: 'applicant' as const, id: p.candidateId };
  return { type: 'referee' as const, id: p.requestId };
}
