// The front door to a member's membership, as src/services/journeys/act.ts is to a journey:
// authorize the one acting, parse the event and its evidence (dates not in the future), find the
// membership, and dispatch it in a transaction. Staff act by their right to act on the hiring
// journey's programme; a member (signed in to the portal) only records their own training,
// Update Service consent, and nothing a reviewer must verify.
import { eq } from 'drizzle-orm';
import { memberships } from '../../../db/schema/index.js';
import { renewalEvidence, membershipEvents } from '../../../workflows/membership/events.js';
import { type ComplianceItem, isTraining } from '../../../workflows/membership/items.js';
import { ukDateOf } from '../../../workflows/when.js';
import { authorizedCandidate } from '../../auth/authorize.js';
import { type ApplicantPrincipal, type StaffPrincipal, actorOf } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { type MembershipRow, dispatchMembership } from '../../engine/membership.js';
import { AppError, notFound } from '../../errors.js';
import { candidateRow } from '../candidates/read.js';

export interface MembershipRequest { type: string; payload: Record<string, unknown>; expectedVersion?: number | undefined }

const dateFields = ['issueDate', 'checkedOn', 'completedOn', 'assessedOn', 'subscribedOn', 'effectiveOn'];

function invalid(field: string, message: string): AppError {
  return new AppError('invalid_payload', `${field}: ${message}`, { field, errors: [{ field, message }] });
}

function parse<S extends { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string; code: string; keys?: string[] }[] } } }>(schema: S, value: unknown) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issue = parsed.error!.issues[0]!;
  throw invalid(issue.path.map(String).join('.') || (issue.keys?.join(', ') ?? '(body)'), issue.message);
}

/** The event's payload, checked: the evidence by the item it renews; recorded dates not after today. */
export function parseMembershipEvent(type: string, payload: Record<string, unknown>, today: string): Record<string, unknown> {
  const schema = Object.hasOwn(membershipEvents, type) ? membershipEvents[type as keyof typeof membershipEvents] : undefined;
  if (!schema) throw new AppError('unknown_event', `There is no membership event called "${type}".`);
  let data = parse(schema, payload);
  if (type === 'itemRenewed') {
    const { item, ...evidence } = data;
    data = { item, ...parse(renewalEvidence(item as ComplianceItem), evidence) };
  }
  for (const f of dateFields) {
    if (typeof data[f] === 'string' && (data[f] as string) > today) throw invalid(f, 'give a date that is today or earlier');
  }
  return data;
}

/** What a member may record themselves: their training, their Update Service consent. */
function memberMay(type: string, data: Record<string, unknown>): boolean {
  return type === 'updateServiceConsented' || (type === 'itemRenewed' && isTraining(String(data.item)));
}

export async function membershipOf(app: AppContext, candidateId: string): Promise<MembershipRow | undefined> {
  const [row] = await app.db.select().from(memberships).where(eq(memberships.candidateId, candidateId));
  return row;
}

export async function actOnMembership(app: AppContext, who: StaffPrincipal | ApplicantPrincipal, candidateId: string, request: MembershipRequest): Promise<MembershipRow> {
  const data = parseMembershipEvent(request.type, request.payload, ukDateOf(app.clock.now()));
  if (who.kind === 'staff') await authorizedCandidate(app, who, 'journey.act', candidateId);
  else {
    const row = await candidateRow(app, candidateId);
    if (!row || row.candidate.erasedAt || row.candidate.email.toLowerCase() !== who.email) throw notFound('Your membership');
    if (!memberMay(request.type, data)) throw new AppError('forbidden', 'The compliance team records this for you: send them your evidence.');
  }
  const membership = await membershipOf(app, candidateId);
  if (!membership) throw notFound('The membership (this candidate is not a bank member yet)');
  const result = await app.db.transaction((tx) => dispatchMembership(app, tx, membership.id, request.type, data, actorOf(who, candidateId), { expectedVersion: request.expectedVersion }));
  return result.membership;
}
