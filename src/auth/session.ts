// Browser sessions for staff (email + password) and applicants (magic link). The cookie holds a
// random value; the database holds its SHA-256 and the session's CSRF token. Cookies are
// HttpOnly, SameSite=Lax, Secure when Intake is served over TLS, and expire.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { DbOrTx } from '../../db/client.js';
import { candidates, journeys, sessions, users } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { type CandidateRead, candidateWithJourneyColumns } from '../services/candidates/read.js';
import { candidateIdIn } from './about-candidate.js';
import type { Role } from './permissions.js';
import type { ApplicantPrincipal, StaffPrincipal } from './principal.js';

const SESSION_COOKIE = 'intake_session';
const HOUR = 60 * 60 * 1000;
const sessionTtl = { staff: 8 * HOUR, applicant: 2 * HOUR } as const;

const hash = (v: string) => createHash('sha256').update(v).digest('hex');

export type SessionRow = typeof sessions.$inferSelect;
export type StaffUser = { id: string; name: string; email: string; role: Role };
export type SessionVars = {
  Variables: {
    session: SessionRow;
    staff: StaffPrincipal & { user: StaffUser };
    applicant: ApplicantPrincipal;
    /** The candidate the page is about (staff) or the applicant's own, read with the session. */
    candidate: CandidateRead | undefined;
  };
};

export async function createSession(db: DbOrTx, who: { kind: 'staff'; userId: string } | { kind: 'applicant'; candidateId: string }, now: Date) {
  const value = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    idHash: hash(value), kind: who.kind, userId: who.kind === 'staff' ? who.userId : null,
    candidateId: who.kind === 'applicant' ? who.candidateId : null, csrf,
    createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionTtl[who.kind]),
  });
  return { value, csrf };
}

export function setSessionCookie(c: Context, app: AppContext, value: string, kind: 'staff' | 'applicant') {
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true, sameSite: 'Lax', path: '/', maxAge: sessionTtl[kind] / 1000,
    secure: app.settings.publicUrl.startsWith('https:'),
  });
}

export async function endSession(c: Context, app: AppContext) {
  const value = getCookie(c, SESSION_COOKIE);
  if (value) await app.db.delete(sessions).where(eq(sessions.idHash, hash(value)));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

type SessionRead = { session: SessionRow; user: StaffUser & { disabledAt: Date | null } | null; candidate: CandidateRead | undefined };

/**
 * The live session of this kind from the cookie, with its staff user and, where `candidateId` is
 * given, that candidate with their current journey: one statement, so a page that acts on a
 * candidate needs no second read before its commit.
 */
async function currentSession(c: Context, app: AppContext, kind: 'staff' | 'applicant', candidateId?: string): Promise<SessionRead | null> {
  const value = getCookie(c, SESSION_COOKIE);
  if (!value || value.length > 100) return null;
  const about = candidateId ?? null;
  const [row] = await app.db.select({
    session: sessions,
    user: { id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt },
    ...candidateWithJourneyColumns,
  }).from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    // The applicant's own record; for staff, the candidate the path names (none: no row joins).
    .leftJoin(candidates, kind === 'applicant' ? eq(candidates.id, sessions.candidateId) : eq(candidates.id, sql`${about}::uuid`))
    .leftJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
    .where(and(eq(sessions.idHash, hash(value)), eq(sessions.kind, kind), gt(sessions.expiresAt, app.clock.now())));
  if (!row) return null;
  const id = kind === 'applicant' ? row.session.candidateId : about;
  const candidate = id ? { id, row: row.candidate && row.journey ? { candidate: row.candidate, journey: row.journey } : null } : undefined;
  return { session: row.session, user: row.user ? { ...row.user, role: row.user.role as Role } : null, candidate };
}

/** A form post must carry the session's CSRF token (and come from our own origin; see same-origin.ts). */
export function checkCsrf(session: SessionRow, sent: unknown) {
  const a = Buffer.from(String(sent ?? ''));
  const b = Buffer.from(session.csrf);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('forbidden', 'This form has expired or did not come from our pages. Go back, reload and try again.');
}

const signInRedirect = (c: Context, path: string) => c.redirect(`${path}?next=${encodeURIComponent(c.req.path)}`, 303);

/** Pages for staff: a live session of an enabled user, else to the sign-in page. */
export const staffSession = (app: AppContext) => createMiddleware<SessionVars>(async (c, next) => {
  const read = await currentSession(c, app, 'staff', candidateIdIn(c.req.path, '/candidates'));
  const user = read?.user;
  if (!read || !user || user.disabledAt) return signInRedirect(c, '/sign-in');
  c.set('session', read.session);
  c.set('candidate', read.candidate);
  c.set('staff', { kind: 'staff', role: user.role, userId: user.id, tokenId: null, via: 'session', user: { id: user.id, name: user.name, email: user.email, role: user.role } });
  await next();
});

/** Pages for applicants: their own session, bound to their own candidate record. */
export const applicantSession = (app: AppContext) => createMiddleware<SessionVars>(async (c, next) => {
  const read = await currentSession(c, app, 'applicant');
  if (!read?.session.candidateId) return signInRedirect(c, '/portal/sign-in');
  c.set('session', read.session);
  c.set('candidate', read.candidate);
  c.set('applicant', { kind: 'applicant', candidateId: read.session.candidateId });
  await next();
});

/** Only same-site relative paths: `next` can never send someone to another site. */
export const safeNext = (next: unknown, fallback: string) =>
  typeof next === 'string' && /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) ? next : fallback;
