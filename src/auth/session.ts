// Browser sessions for staff (email + password) and applicants (magic link). The cookie holds a
// random value; the database holds its SHA-256 and the session's CSRF token. Cookies are
// HttpOnly, SameSite=Lax, Secure when Intake is served over TLS, and expire. A staff session also
// ends after STAFF_IDLE_MINUTES without a request, and one whose password is temporary reaches
// only the page that changes it. An applicant's session is bound to the email address the link
// was sent to: it reaches every application made with that address, and nothing else.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
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
export type StaffUser = { id: string; name: string; email: string; role: Role; mustChangePassword: boolean };
/** Idle sessions are touched at most this often: a page view is a read, not a write. */
const TOUCH_EVERY_MS = 60_000;
/** Where a member of staff with a temporary password is sent, and the only page they may open. */
export const CHANGE_PASSWORD_PATH = '/account/password';
export type SessionVars = {
  Variables: {
    session: SessionRow;
    staff: StaffPrincipal & { user: StaffUser };
    applicant: ApplicantPrincipal;
    /** The candidate the page is about (staff) or the applicant's own, read with the session. */
    candidate: CandidateRead | undefined;
  };
};

export async function createSession(db: DbOrTx, who: { kind: 'staff'; userId: string } | { kind: 'applicant'; email: string }, now: Date) {
  const value = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    idHash: hash(value), kind: who.kind, userId: who.kind === 'staff' ? who.userId : null,
    applicantEmail: who.kind === 'applicant' ? who.email.toLowerCase() : null, csrf,
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

type SessionUser = StaffUser & { disabledAt: Date | null };
type SessionRead = { session: SessionRow; user: SessionUser | null; candidate: CandidateRead | undefined };

/**
 * The live session of this kind from the cookie, with its staff user and, where `candidateId` is
 * given, that candidate with their current journey: one statement, so a page that acts on a
 * candidate needs no second read before its commit. A staff session idle for longer than the
 * settings allow is not live; a live one is marked seen (at most once a minute).
 */
async function currentSession(c: Context, app: AppContext, kind: 'staff' | 'applicant', candidateId?: string): Promise<SessionRead | null> {
  const value = getCookie(c, SESSION_COOKIE);
  if (!value || value.length > 100) return null;
  const about = candidateId ?? null;
  const now = app.clock.now();
  const idleSince = new Date(now.getTime() - app.settings.staffIdleMs);
  const [row] = await app.db.select({
    session: sessions,
    user: { id: users.id, name: users.name, email: users.email, role: users.role, disabledAt: users.disabledAt, mustChangePassword: users.mustChangePassword },
    ...candidateWithJourneyColumns,
  }).from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    // For staff, the candidate the path names (none: no row joins).
    .leftJoin(candidates, eq(candidates.id, sql`${about}::uuid`))
    .leftJoin(journeys, eq(journeys.id, candidates.currentJourneyId))
    .where(and(
      eq(sessions.idHash, hash(value)), eq(sessions.kind, kind), gt(sessions.expiresAt, now),
      kind === 'staff' ? gt(sessions.lastSeenAt, idleSince) : undefined,
    ));
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await app.db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.idHash, row.session.idHash), lt(sessions.lastSeenAt, now)));
  }
  const candidate = about ? { id: about, row: row.candidate && row.journey ? { candidate: row.candidate, journey: row.journey } : null } : undefined;
  return { session: row.session, user: row.user ? { ...row.user, role: row.user.role as Role } : null, candidate };
}

/** A form post must carry the session's CSRF token (and come from our own origin; see same-origin.ts). */
export function checkCsrf(session: SessionRow, sent: unknown) {
  const a = Buffer.from(String(sent ?? ''));
  const b = Buffer.from(session.csrf);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('forbidden', 'This form has expired or did not come from our pages. Go back, reload and try again.');
}

const signInRedirect = (c: Context, path: string) => c.redirect(`${path}?next=${encodeURIComponent(c.req.path)}`, 303);

/**
 * Pages for staff: a live session of an enabled user, else to the sign-in page. With a temporary
 * password, every page but the one that changes it leads there.
 */
export const staffSession = (app: AppContext) => createMiddleware<SessionVars>(async (c, next) => {
  const read = await currentSession(c, app, 'staff', candidateIdIn(c.req.path, '/candidates'));
  const user = read?.user;
  if (!read || !user || user.disabledAt) return signInRedirect(c, '/sign-in');
  if (user.mustChangePassword && c.req.path !== CHANGE_PASSWORD_PATH && c.req.path !== '/sign-out') return c.redirect(CHANGE_PASSWORD_PATH, 303);
  c.set('session', read.session);
  c.set('candidate', read.candidate);
  c.set('staff', { kind: 'staff', role: user.role, userId: user.id, tokenId: null, via: 'session', user: { id: user.id, name: user.name, email: user.email, role: user.role, mustChangePassword: user.mustChangePassword } });
  await next();
});

/** Pages for applicants: their own session, bound to the email address they proved. */
export const applicantSession = (app: AppContext) => createMiddleware<SessionVars>(async (c, next) => {
  const read = await currentSession(c, app, 'applicant');
  if (!read?.session.applicantEmail) return signInRedirect(c, '/portal/sign-in');
  c.set('session', read.session);
  c.set('candidate', undefined);
  c.set('applicant', { kind: 'applicant', email: read.session.applicantEmail });
  await next();
});

/** Only same-site relative paths: `next` can never send someone to another site. */
export const safeNext = (next: unknown, fallback: string) =>
  typeof next === 'string' && /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) ? next : fallback;
