import type { Role } from './permissions.js';

/** Who is asking: a member of staff (by API token or browser session) or a signed-in applicant. */
export type StaffPrincipal = { kind: 'staff'; role: Role; userId: string | null; tokenId: string | null; via: 'token' | 'session' };
export type ApplicantPrincipal = { kind: 'applicant'; candidateId: string };

export const actorOf = (p: StaffPrincipal) => ({ type: 'user' as const, id: p.userId ?? p.tokenId });
