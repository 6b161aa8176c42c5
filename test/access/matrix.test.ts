// The authorization matrix: every route × {anonymous, applicant A, applicant B, recruiter,
// coordinator, admin} → the status each must get. It fails when a route exists without an entry
// here, so a new route cannot ship without someone deciding who may use it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema/index.js';
import { createSession } from '../../src/auth/session.js';
import { storeDocument } from '../../src/services/documents/store.js';
import type { StaffPrincipal } from '../../src/auth/principal.js';
import { createPersonalToken } from '../../src/services/tokens/personal.js';
import { createUser } from '../../src/services/users/manage.js';
import { feedToken } from '../../src/services/cohorts/links.js';
import { createCohort } from '../../src/services/cohorts/manage.js';
import { applicant, startTestIntake, TOKEN, type TestIntake } from '../support/intake.js';
import { dbsEvidence, identityEvidence, valueScores } from '../support/evidence.js';

const who = ['anonymous', 'applicantA', 'applicantB', 'recruiter', 'coordinator', 'admin'] as const;
type Who = (typeof who)[number];
type Expect = Record<Who, number>;

const ORIGIN = 'http://localhost';
const PDF = new URL('../../../shared/fixtures/cvs/a01.pdf', import.meta.url);

let t: TestIntake;
interface Caller { headers: Record<string, string>; csrf?: string; candidateId?: string; userId?: string }
const callers = {} as Record<Who, Caller>;
let domesticA: string;
let domesticB: string;
let international: string;
let cohortId: string;

async function candidate(programme = 'domestic', profession = 'registered_nurse') {
  const res = await t.post('/api/candidates', applicant({ programme, profession }));
  return res.body.id as string;
}

async function staff(role: 'recruiter' | 'coordinator' | 'admin'): Promise<Caller> {
  const now = t.clock.now();
  const { user } = await createUser(t.intake.app.db, { email: `${role}@example.nhs.uk`, name: `A ${role}`, role, password: 'correct horse battery staple' }, null, now);
  const principal: StaffPrincipal = { kind: 'staff', role, userId: user.id, tokenId: null, via: 'token' };
  const { token } = await createPersonalToken(t.intake.app.db, principal, 'matrix', now);
  const session = await createSession(t.intake.app.db, { kind: 'staff', userId: user.id }, now);
  return { headers: { authorization: `Bearer ${token}`, cookie: `intake_session=${session.value}` }, csrf: session.csrf, userId: user.id };
}

async function applicantCaller(candidateId: string): Promise<Caller> {
  const email = (await t.get(`/api/candidates/${candidateId}`)).body.email;
  const session = await createSession(t.intake.app.db, { kind: 'applicant', email }, t.clock.now());
  return { headers: { cookie: `intake_session=${session.value}` }, csrf: session.csrf, candidateId };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

/** How to call each route; `as` is the caller; ids point at candidates the roles see differently. */
interface Case { expect: Expect; request: (as: Caller) => Promise<{ path: string; init: RequestInit }> }

const all = (status: number): Expect => Object.fromEntries(who.map((w) => [w, status])) as Expect;
const staffOnly = (recruiter: number, coordinator: number, admin: number): Expect => ({ anonymous: 401, applicantA: 401, applicantB: 401, recruiter, coordinator, admin });
/** Pages: without a staff session the answer is a redirect to sign in. */
const staffPage = (recruiter: number, coordinator: number, admin: number): Expect => ({ anonymous: 303, applicantA: 303, applicantB: 303, recruiter, coordinator, admin });
const json = (method: string, path: string, body?: unknown) => async () => ({ path, init: { method, ...(body !== undefined ? { body: JSON.stringify(typeof body === 'function' ? body() : body), headers: { 'content-type': 'application/json' } } : {}) } });
const get = (path: () => string) => async () => ({ path: path(), init: {} });
const postForm = (path: () => string, fields: (as: Caller) => Record<string, string>) => async (as: Caller) => ({
  path: path(), init: { method: 'POST', body: form(fields(as)), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN } },
});

/** Applicant A's own application: A gets `own`; B (another address) 404; the rest sign in first. */
const portalCase = (own: number): Expect => ({ anonymous: 303, applicantA: own, applicantB: 404, recruiter: 303, coordinator: 303, admin: 303 });
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const documentOf = async (candidateId: string) => (await storeDocument(t.intake.app, { candidateId, kind: 'passport', check: 'identity', bytes: JPEG, filename: 'passport.jpg', actor: { kind: 'staff', role: 'admin', userId: null, tokenId: null, via: 'token' } })).id;

const cases: Record<string, Case> = {
  'GET /healthz': { expect: all(200), request: get(() => '/healthz') },
  // Readiness needs no token; no worker runs beside this test's Intake, so it is not ready for anyone.
  'GET /readyz': { expect: all(503), request: get(() => '/readyz') },
  // Metrics: METRICS_TOKEN or an admin's token.
  'GET /metrics': { expect: staffOnly(403, 403, 200), request: get(() => '/metrics') },
  'GET /assets/app.css': { expect: all(200), request: get(() => '/assets/app.css') },
  'GET /': { expect: all(200), request: get(() => '/') },
  'GET /sign-in': { expect: all(200), request: get(() => '/sign-in') },
  'POST /sign-in': { expect: all(401), request: postForm(() => '/sign-in', () => ({ email: 'nobody@example.nhs.uk', password: 'wrong password' })) },
  // Signing out needs a staff session and its CSRF token; others are sent to sign in.
  // Staff sign out of a session of their own, so the shared ones stay signed in for the pages below.
  'POST /sign-out': {
    expect: { anonymous: 303, applicantA: 303, applicantB: 303, recruiter: 303, coordinator: 303, admin: 303 },
    request: async (as) => {
      const own = as.userId ? await createSession(t.intake.app.db, { kind: 'staff', userId: as.userId }, t.clock.now()) : null;
      const req = await postForm(() => '/sign-out', () => ({ _csrf: own?.csrf ?? as.csrf ?? '' }))(as);
      return own ? { ...req, init: { ...req.init, headers: { ...(req.init.headers as Record<string, string>), cookie: `intake_session=${own.value}` } } } : req;
    },
  },
  'GET /apply': { expect: all(200), request: get(() => '/apply') },
  'POST /apply': { expect: all(201), request: postForm(() => '/apply', () => ({ programme: 'domestic', profession: 'healthcare_assistant', fullName: 'Form Applicant', email: `form.${Math.random()}@example.com` })) },
  'GET /portal/sign-in': { expect: all(200), request: get(() => '/portal/sign-in') },
  'POST /portal/sign-in': { expect: all(200), request: postForm(() => '/portal/sign-in', () => ({ email: `someone.${Math.random()}@example.com` })) },
  'GET /portal/link/:token': { expect: all(404), request: get(() => '/portal/link/not-a-token') },
  'POST /portal/link/:token': { expect: all(404), request: postForm(() => '/portal/link/not-a-token', () => ({})) },
  // The portal shows only the signed-in applicant's own record; everyone else is sent to sign in.
  'GET /portal': { expect: { anonymous: 303, applicantA: 200, applicantB: 200, recruiter: 303, coordinator: 303, admin: 303 }, request: get(() => '/portal') },
  // A member's own compliance (issue 16): an applicant who is not a member sees that, and may record nothing.
  'GET /portal/compliance': { expect: { anonymous: 303, applicantA: 200, applicantB: 200, recruiter: 303, coordinator: 303, admin: 303 }, request: get(() => '/portal/compliance') },
  'POST /portal/compliance/events': {
    expect: { anonymous: 303, applicantA: 404, applicantB: 404, recruiter: 303, coordinator: 303, admin: 303 },
    request: postForm(() => '/portal/compliance/events', (as) => ({ _csrf: as.csrf ?? '', _type: 'itemRenewed', candidateId: as.candidateId ?? domesticA, item: 'training.fire_safety', completedOn: '2026-01-05' })),
  },
  'POST /portal/withdraw': {
    expect: { anonymous: 303, applicantA: 303, applicantB: 303, recruiter: 303, coordinator: 303, admin: 303 },
    request: postForm(() => '/portal/withdraw', (as) => ({ _csrf: as.csrf ?? '', application: as.candidateId ?? '00000000-0000-4000-8000-000000000000', reason: 'Matrix test', confirm: 'yes' })),
  },
  // One application's pages and actions (issue 15): applicant A's own record; applicant B, signed
  // in with another address, is told it does not exist; everyone else is sent to sign in. A's
  // actions are refused by the journey (not at that step) or the form, never by a 500.
  'GET /portal/applications/:id': { expect: portalCase(200), request: get(() => `/portal/applications/${domesticA}`) },
  'POST /portal/applications/:id/offer': { expect: portalCase(422), request: postForm(() => `/portal/applications/${domesticA}/offer`, (as) => ({ _csrf: as.csrf ?? '', decision: 'accept' })) },
  'POST /portal/applications/:id/interview': { expect: portalCase(422), request: postForm(() => `/portal/applications/${domesticA}/interview`, (as) => ({ _csrf: as.csrf ?? '', interviewAt: '2026-03-10T10:00:00.000Z' })) },
  'POST /portal/applications/:id/right-to-work': { expect: portalCase(422), request: postForm(() => `/portal/applications/${domesticA}/right-to-work`, (as) => ({ _csrf: as.csrf ?? '', route: 'documents' })) },
  'POST /portal/applications/:id/documents': { expect: portalCase(400), request: postForm(() => `/portal/applications/${domesticA}/documents`, (as) => ({ _csrf: as.csrf ?? '', document: 'identity/passport' })) },
  'POST /portal/applications/:id/documents/done': { expect: portalCase(400), request: postForm(() => `/portal/applications/${domesticA}/documents/done`, (as) => ({ _csrf: as.csrf ?? '', check: 'identity' })) },
  'GET /portal/applications/:id/documents/:doc': { expect: portalCase(200), request: async () => ({ path: `/portal/applications/${domesticA}/documents/${await documentOf(domesticA)}`, init: {} }) },
  'POST /portal/applications/:id/queries/:check': { expect: portalCase(422), request: postForm(() => `/portal/applications/${domesticA}/queries/identity`, (as) => ({ _csrf: as.csrf ?? '', answer: 'Here it is.' })) },
  'GET /portal/applications/:id/referees': { expect: portalCase(303), request: get(() => `/portal/applications/${domesticA}/referees`) },
  'POST /portal/applications/:id/referees': { expect: portalCase(303), request: postForm(() => `/portal/applications/${domesticA}/referees`, (as) => ({ _csrf: as.csrf ?? '', intent: 'check' })) },
  'POST /portal/sign-out': { expect: all(303), request: postForm(() => '/portal/sign-out', (as) => ({ _csrf: as.csrf ?? '' })) },
  'GET /references/:token': { expect: all(404), request: get(() => '/references/not-a-token') },
  'POST /references/:token': { expect: all(404), request: postForm(() => '/references/not-a-token', () => ({})) },

  // Staff pages: a staff session (and the permission table); others are sent to sign in.
  'GET /board': { expect: staffPage(200, 200, 200), request: get(() => '/board') },
  'GET /board/column': { expect: staffPage(200, 200, 200), request: get(() => '/board/column?stage=application') },
  'GET /candidates/:id': { expect: staffPage(200, 404, 200), request: get(() => `/candidates/${domesticA}`) },
  'POST /candidates/:id/events': {
    expect: staffPage(303, 404, 303),
    request: async (as) => postForm(() => '', () => ({}))(as).then(async () => ({ path: `/candidates/${await candidate()}/events`, init: { method: 'POST', body: form({ _csrf: as.csrf ?? '', _type: 'screeningStarted' }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN } } })),
  },
  'POST /candidates/:id/notes': { expect: staffPage(303, 404, 303), request: postForm(() => `/candidates/${domesticA}/notes`, (as) => ({ _csrf: as.csrf ?? '', text: 'Called the candidate.' })) },
  // Accepting a field needs a CV on file: one is uploaded first (through the API, as an admin).
  'POST /candidates/:id/cv/accept': {
    expect: staffPage(303, 404, 303),
    request: async (as) => {
      const body = new FormData();
      body.set('file', new File([readFileSync(PDF)], 'cv.pdf', { type: 'application/pdf' }));
      expect((await t.intake.http.request(`/api/candidates/${domesticA}/cv`, { method: 'POST', body, headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(202);
      return postForm(() => `/candidates/${domesticA}/cv/accept`, () => ({ _csrf: as.csrf ?? '', field: 'fullName', value: 'Eleanor Whitcombe' }))(as);
    },
  },
  // Sending a candidate a new portal sign-in link: who may act on the journey (issue 12).
  // The applicant's documents, scoped like the record; interview times offered like any event.
  'GET /candidates/:id/documents/:doc': { expect: staffPage(200, 404, 200), request: async () => ({ path: `/candidates/${domesticA}/documents/${await documentOf(domesticA)}`, init: {} }) },
  'POST /candidates/:id/interview-slots': { expect: staffPage(303, 404, 303), request: postForm(() => `/candidates/${domesticA}/interview-slots`, (as) => ({ _csrf: as.csrf ?? '', 'slot-0-at': '2026-03-20T10:00', 'slot-0-location': 'Bank office' })) },
  'POST /candidates/:id/sign-in-link': { expect: staffPage(303, 404, 303), request: postForm(() => `/candidates/${domesticA}/sign-in-link`, (as) => ({ _csrf: as.csrf ?? '' })) },
  // The CV itself (uploaded for domesticA by the cv/accept case above): staff whose role covers the programme.
  'GET /candidates/:id/cv/file': { expect: staffPage(200, 404, 200), request: get(() => `/candidates/${domesticA}/cv/file`) },
  // Subject access and erasure from the record: admins only (erasure refused here: no confirmation typed).
  'POST /candidates/:id/privacy/export': { expect: staffPage(403, 404, 200), request: postForm(() => `/candidates/${domesticB}/privacy/export`, (as) => ({ _csrf: as.csrf ?? '' })) },
  'POST /candidates/:id/privacy/erase': { expect: staffPage(403, 404, 400), request: postForm(() => `/candidates/${domesticB}/privacy/erase`, (as) => ({ _csrf: as.csrf ?? '', confirm: '' })) },
  // Find anyone: every member of staff, in the programmes they read; a bulk action with nobody ticked is refused.
  'GET /find': { expect: staffPage(200, 200, 200), request: get(() => '/find?q=a&sort=name&dir=asc') },
  'POST /find/bulk': { expect: staffPage(400, 400, 400), request: postForm(() => '/find/bulk', (as) => ({ _csrf: as.csrf ?? '', move: 'remind' })) },
  // Administration: admins; failed jobs are read by all staff, sent again by admins; the policy read by all.
  'GET /admin': { expect: staffPage(403, 403, 200), request: get(() => '/admin') },
  'GET /admin/users': { expect: staffPage(403, 403, 200), request: get(() => '/admin/users') },
  'POST /admin/users': { expect: staffPage(403, 403, 400), request: postForm(() => '/admin/users', (as) => ({ _csrf: as.csrf ?? '', name: 'New Person', email: 'not an email', role: 'recruiter' })) },
  'POST /admin/users/:id/role': { expect: staffPage(403, 403, 404), request: postForm(() => '/admin/users/00000000-0000-4000-8000-000000000000/role', (as) => ({ _csrf: as.csrf ?? '', role: 'recruiter' })) },
  'POST /admin/users/:id/reset': { expect: staffPage(403, 403, 404), request: postForm(() => '/admin/users/00000000-0000-4000-8000-000000000000/reset', (as) => ({ _csrf: as.csrf ?? '' })) },
  'POST /admin/users/:id/disable': { expect: staffPage(403, 403, 404), request: postForm(() => '/admin/users/00000000-0000-4000-8000-000000000000/disable', (as) => ({ _csrf: as.csrf ?? '' })) },
  'GET /admin/jobs': { expect: staffPage(200, 200, 200), request: get(() => '/admin/jobs') },
  'POST /admin/jobs/:id/retry': { expect: staffPage(403, 403, 404), request: postForm(() => '/admin/jobs/999999999/retry', (as) => ({ _csrf: as.csrf ?? '' })) },
  'GET /admin/policy': { expect: staffPage(200, 200, 200), request: get(() => '/admin/policy') },
  'GET /admin/audit': { expect: staffPage(403, 403, 200), request: get(() => '/admin/audit') },
  // API tokens as a page: every member of staff, their own (an admin: everyone's).
  'GET /tokens': { expect: staffPage(200, 200, 200), request: get(() => '/tokens') },
  'POST /tokens': { expect: staffPage(400, 400, 400), request: postForm(() => '/tokens', (as) => ({ _csrf: as.csrf ?? '', name: '' })) },
  'POST /tokens/:id/revoke': { expect: staffPage(404, 404, 404), request: postForm(() => '/tokens/00000000-0000-4000-8000-000000000000/revoke', (as) => ({ _csrf: as.csrf ?? '' })) },
  // Every member of staff changes their own password; a wrong current password is shown on the form.
  'GET /account/password': { expect: staffPage(200, 200, 200), request: get(() => '/account/password') },
  'POST /account/password': { expect: staffPage(400, 400, 400), request: postForm(() => '/account/password', (as) => ({ _csrf: as.csrf ?? '', current: 'not my password', newPassword: 'a brand new password', confirmPassword: 'a brand new password' })) },
  'GET /mailbox': { expect: staffPage(200, 200, 200), request: get(() => '/mailbox') },
  'GET /mailbox/:id': { expect: staffPage(404, 404, 404), request: get(() => '/mailbox/00000000-0000-4000-8000-000000000000') },
  // Cohorts: coordinators and admins (cohorts.read / cohorts.manage); recruiters are refused.
  // Every form redirects (303) to the cohort page, a bulk event even when a candidate is refused.
  'GET /cohorts': { expect: staffPage(403, 200, 200), request: get(() => '/cohorts') },
  'POST /cohorts': { expect: staffPage(403, 303, 303), request: postForm(() => '/cohorts', (as) => ({ _csrf: as.csrf ?? '', name: 'Matrix intake', startsOn: '2027-03-01' })) },
  'GET /cohorts/:id': { expect: staffPage(403, 200, 200), request: get(() => `/cohorts/${cohortId}`) },
  'POST /cohorts/:id/members': { expect: staffPage(403, 303, 303), request: postForm(() => `/cohorts/${cohortId}/members`, (as) => ({ _csrf: as.csrf ?? '', candidateId: international })) },
  'POST /cohorts/:id/members/remove': { expect: staffPage(403, 303, 303), request: postForm(() => `/cohorts/${cohortId}/members/remove`, (as) => ({ _csrf: as.csrf ?? '', member: international })) },
  'POST /cohorts/:id/events': { expect: staffPage(403, 303, 303), request: postForm(() => `/cohorts/${cohortId}/events`, (as) => ({ _csrf: as.csrf ?? '', event: 'arrivedInUk', member: international })) },
  'GET /cohorts/:id/export.csv': { expect: staffPage(403, 200, 200), request: get(() => `/cohorts/${cohortId}/export.csv`) },
  // The OSCE calendar feed: calendar apps send no cookies, so the token in the URL is the credential.
  'GET /feeds/cohorts/:id/osce.ics': { expect: all(200), request: get(() => `/feeds/cohorts/${cohortId}/osce.ics?token=${feedToken(t.intake.app.settings.secret, cohortId)}`) },
  // Reports: every staff role reads them, each within the programmes it may see.
  // The compliance lead's pages (issue 16): the dashboard follows the reports' scope; domesticA is not a member yet.
  'GET /compliance': { expect: staffPage(200, 200, 200), request: get(() => '/compliance') },
  'GET /compliance/items.csv': { expect: staffPage(200, 200, 200), request: get(() => '/compliance/items.csv') },
  'GET /compliance/members/:id': { expect: staffPage(404, 404, 404), request: get(() => `/compliance/members/${domesticA}`) },
  'POST /compliance/members/:id/events': {
    expect: staffPage(404, 404, 404),
    request: postForm(() => `/compliance/members/${domesticA}/events`, (as) => ({ _csrf: as.csrf ?? '', _type: 'itemReinstated', item: 'dbs' })),
  },
  'GET /reports': { expect: staffPage(200, 200, 200), request: get(() => '/reports') },
  'GET /reports/time-to-hire.csv': { expect: staffPage(200, 200, 200), request: get(() => '/reports/time-to-hire.csv') },
  'GET /reports/time-to-fill.csv': { expect: staffPage(200, 200, 200), request: get(() => '/reports/time-to-fill.csv') },
  'GET /reports/funnel.csv': { expect: staffPage(200, 200, 200), request: get(() => '/reports/funnel.csv') },
  'GET /reports/withdrawal-reasons.csv': { expect: staffPage(200, 200, 200), request: get(() => '/reports/withdrawal-reasons.csv') },
  'GET /reports/checks.csv': { expect: staffPage(200, 200, 200), request: get(() => '/reports/checks.csv') },
  'GET /reports/stuck.csv': { expect: staffPage(200, 200, 200), request: get(() => '/reports/stuck.csv') },
  // Imports (pages): anyone who may add candidates; an import is seen by whoever uploaded it (and admins).
  'GET /imports': { expect: staffPage(200, 200, 200), request: get(() => '/imports') },
  'POST /imports': {
    expect: staffPage(303, 303, 303),
    request: async (as) => {
      const body = new FormData();
      body.set('_csrf', as.csrf ?? '');
      body.set('programme', 'domestic');
      body.set('file', new File([csv()], 'export.csv', { type: 'text/csv' }));
      return { path: '/imports', init: { method: 'POST', body, headers: { origin: ORIGIN } } };
    },
  },
  'GET /imports/:id': { expect: staffPage(404, 404, 200), request: get(() => `/imports/${importId}`) },
  'POST /imports/:id/start': { expect: staffPage(404, 404, 303), request: async (as) => { importForPage = await newImport(); return postForm(() => `/imports/${importForPage}/start`, () => ({ _csrf: as.csrf ?? '' }))(as); } },
  'POST /api/candidates': { expect: staffOnly(201, 403, 201), request: json('POST', '/api/candidates', () => applicant()) },
  'GET /api/candidates': { expect: staffOnly(200, 200, 200), request: get(() => '/api/candidates') },
  // A domestic candidate: recruiters and admins read it; to a coordinator it does not exist.
  'GET /api/candidates/:id': { expect: staffOnly(200, 404, 200), request: get(() => `/api/candidates/${domesticA}`) },
  'POST /api/candidates/:id/events': { expect: staffOnly(200, 404, 200), request: async () => json('POST', `/api/candidates/${await candidate()}/events`, { type: 'screeningStarted' })() },
  'GET /api/candidates/:id/history': { expect: staffOnly(200, 404, 200), request: get(() => `/api/candidates/${domesticA}/history`) },
  'GET /api/candidates/:id/emails': { expect: staffOnly(200, 404, 200), request: get(() => `/api/candidates/${domesticA}/emails`) },
  'POST /api/candidates/:id/cv': {
    expect: staffOnly(202, 404, 202),
    request: async () => {
      const body = new FormData();
      body.set('file', new File([readFileSync(PDF)], 'cv.pdf', { type: 'application/pdf' }));
      return { path: `/api/candidates/${domesticA}/cv`, init: { method: 'POST', body } };
    },
  },
  'GET /api/candidates/:id/cv': { expect: staffOnly(200, 404, 200), request: get(() => `/api/candidates/${domesticA}/cv`) },
  'POST /api/candidates/:id/cv/accept': { expect: staffOnly(200, 404, 200), request: async () => json('POST', `/api/candidates/${domesticA}/cv/accept`, { fields: { fullName: 'Eleanor Whitcombe' } })() },
  'POST /api/candidates/:id/sign-in-link': { expect: staffOnly(202, 404, 202), request: async () => json('POST', `/api/candidates/${domesticB}/sign-in-link`)() },
  'GET /api/candidates/:id/export': { expect: staffOnly(403, 404, 200), request: get(() => `/api/candidates/${domesticB}/export`) },
  'POST /api/candidates/:id/erase': { expect: staffOnly(403, 404, 200), request: async () => json('POST', `/api/candidates/${await candidate()}/erase`, { confirm: true })() },
  // Membership after hire (issue 16): domesticA is not a member yet, so bookability says so and the membership is not found.
  'GET /api/candidates/:id/bookability': { expect: staffOnly(200, 404, 200), request: get(() => `/api/candidates/${domesticA}/bookability`) },
  'POST /api/bookability': { expect: staffOnly(200, 200, 200), request: json('POST', '/api/bookability', () => ({ candidateIds: [domesticA] })) },
  'GET /api/candidates/:id/membership': { expect: staffOnly(404, 404, 404), request: get(() => `/api/candidates/${domesticA}/membership`) },
  'POST /api/candidates/:id/membership/events': { expect: staffOnly(404, 404, 404), request: async () => json('POST', `/api/candidates/${domesticA}/membership/events`, { type: 'itemReinstated', item: 'dbs' })() },
  'GET /api/pipeline': { expect: staffOnly(200, 200, 200), request: get(() => '/api/pipeline') },
  'GET /api/workflows/:programme': { expect: staffOnly(200, 200, 200), request: get(() => '/api/workflows/domestic') },
  'GET /api/mailbox': { expect: staffOnly(200, 200, 200), request: get(() => '/api/mailbox') },
  'GET /api/mailbox/:id': { expect: staffOnly(404, 404, 404), request: get(() => '/api/mailbox/00000000-0000-4000-8000-000000000000') },
  'GET /api/jobs': { expect: staffOnly(200, 200, 200), request: get(() => '/api/jobs') },
  'POST /api/jobs/:id/retry': {
    expect: staffOnly(403, 403, 200),
    request: async () => {
      const [job] = await t.intake.app.db.insert(jobs).values({ kind: 'email', payload: {}, status: 'dead', runAt: t.clock.now() }).returning();
      return json('POST', `/api/jobs/${job!.id}/retry`)();
    },
  },
  'GET /api/users': { expect: staffOnly(403, 403, 200), request: get(() => '/api/users') },
  'POST /api/users': { expect: staffOnly(403, 403, 201), request: async () => json('POST', '/api/users', { email: `new.${Math.random()}@example.nhs.uk`, name: 'New Starter', role: 'recruiter' })() },
  'POST /api/users/:id/reset-password': { expect: staffOnly(403, 403, 200), request: async () => json('POST', `/api/users/${await throwawayUser()}/reset-password`)() },
  'POST /api/users/:id/disable': { expect: staffOnly(403, 403, 200), request: async () => json('POST', `/api/users/${await throwawayUser()}/disable`)() },
  'GET /api/tokens': { expect: staffOnly(200, 200, 200), request: get(() => '/api/tokens') },
  'POST /api/tokens': { expect: staffOnly(201, 201, 201), request: json('POST', '/api/tokens', { name: 'laptop' }) },
  // Revoking a token that is not yours: staff see no such token; an admin may revoke anyone's.
  'DELETE /api/tokens/:id': { expect: staffOnly(404, 404, 200), request: async () => json('DELETE', `/api/tokens/${await someoneElsesToken()}`)() },
  // The API's description: open to everyone, it shows no data.
  'GET /api/openapi.json': { expect: all(200), request: get(() => '/api/openapi.json') },
  'GET /api/docs': { expect: all(200), request: get(() => '/api/docs') },
  'GET /assets/api-docs/:file': { expect: all(200), request: get(() => '/assets/api-docs/init.js') },
  // Webhooks: admins only (they choose where the bank's events go).
  'POST /api/webhooks': { expect: staffOnly(403, 403, 201), request: json('POST', '/api/webhooks', { url: 'https://hooks.example.org/intake', events: ['hired'] }) },
  'GET /api/webhooks': { expect: staffOnly(403, 403, 200), request: get(() => '/api/webhooks') },
  'GET /api/webhooks/:id': { expect: staffOnly(403, 403, 200), request: async () => get(() => `/api/webhooks/${webhookId}`)() },
  'DELETE /api/webhooks/:id': { expect: staffOnly(403, 403, 200), request: async () => json('DELETE', `/api/webhooks/${await newWebhook()}`)() },
  'GET /api/webhooks/:id/deliveries': { expect: staffOnly(403, 403, 200), request: async () => get(() => `/api/webhooks/${webhookId}/deliveries`)() },
  'POST /api/webhooks/:id/deliveries/:deliveryId/replay': { expect: staffOnly(403, 403, 404), request: async () => json('POST', `/api/webhooks/${webhookId}/deliveries/00000000-0000-4000-8000-000000000000/replay`)() },
  // Imports: anyone who may add candidates; an import is seen by whoever uploaded it (and admins).
  'POST /api/imports': { expect: staffOnly(201, 201, 201), request: async () => ({ path: '/api/imports?programme=domestic', init: { method: 'POST', body: csv(), headers: { 'content-type': 'text/csv' } } }) },
  'GET /api/imports': { expect: staffOnly(200, 200, 200), request: get(() => '/api/imports') },
  'GET /api/imports/:id': { expect: staffOnly(404, 404, 200), request: async () => get(() => `/api/imports/${importId}`)() },
  'POST /api/imports/:id/start': { expect: staffOnly(404, 404, 202), request: async () => json('POST', `/api/imports/${await newImport()}/start`)() },
};

let webhookId: string;
let importId: string;
/** A fresh import per caller of the start page, made just before (starting is once only). */
let importForPage: string;
const csv = () => `Forename,Surname,Email Address,Staff Group\nAda,Import,ada.${Math.random()}@example.com,Registered Nurse\n`;
async function newWebhook() {
  return (await t.post('/api/webhooks', { url: 'https://hooks.example.org/intake', events: ['*'] })).body.id as string;
}
async function newImport() {
  const res = await t.intake.http.request('/api/imports?programme=domestic', { method: 'POST', body: csv(), headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}` } });
  return ((await res.json()) as { id: string }).id;
}

async function throwawayUser() {
  const { user } = await createUser(t.intake.app.db, { email: `throwaway.${Math.random()}@example.nhs.uk`, name: 'Throwaway', role: 'recruiter' }, null, t.clock.now());
  return user.id;
}
async function someoneElsesToken() {
  const id = await throwawayUser();
  return (await createPersonalToken(t.intake.app.db, { kind: 'staff', role: 'recruiter', userId: id, tokenId: null, via: 'token' }, 'theirs', t.clock.now())).id;
}

beforeAll(async () => {
  t = await startTestIntake();
  domesticA = await candidate();
  domesticB = await candidate();
  international = await candidate('international', 'registered_nurse');
  cohortId = (await createCohort(t.intake.app, { name: 'Matrix cohort', startsOn: '2027-03-01' }, null)).id;
  webhookId = await newWebhook();
  importId = await newImport();
  callers.anonymous = { headers: {} };
  callers.recruiter = await staff('recruiter');
  callers.coordinator = await staff('coordinator');
  callers.admin = await staff('admin');
});
afterAll(async () => { await t?.close(); });

describe('the authorization matrix', () => {
  it('has an entry for every route the app serves', () => {
    const served = new Set(t.intake.http.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    expect([...served].filter((r) => !(r in cases)), 'routes without an entry in the matrix').toEqual([]);
    expect(Object.keys(cases).filter((r) => !served.has(r)), 'matrix entries for routes that no longer exist').toEqual([]);
  });

  it.each(Object.keys(cases))('%s answers each kind of caller as decided', async (route) => {
    const results: Partial<Record<Who, number>> = {};
    for (const w of who) {
      // Each applicant acts on a fresh record of their own, so one row's change cannot leak into another.
      const caller = w === 'applicantA' ? await applicantCaller(domesticA) : w === 'applicantB' ? await applicantCaller(await candidate()) : callers[w];
      const { path, init } = await cases[route]!.request(caller);
      // A case may send a cookie of its own (sign-out); otherwise the caller's headers apply.
      const headers = { ...caller.headers, ...(init.headers as Record<string, string> | undefined) };
      const res = await t.intake.http.request(path, { ...init, headers });
      results[w] = res.status;
    }
    expect(results).toEqual(cases[route]!.expect);
  });

  it('answers 404 to everyone for the OSCE feed with a wrong token, signed in or not', async () => {
    for (const w of who) {
      const caller = w === 'applicantA' ? await applicantCaller(domesticA) : w === 'applicantB' ? await applicantCaller(await candidate()) : callers[w];
      const res = await t.intake.http.request(`/feeds/cohorts/${cohortId}/osce.ics?token=not-the-token`, { headers: caller.headers });
      expect(res.status, w).toBe(404);
    }
  });

  it('lets a coordinator read and act on international candidates, which a recruiter may only read', async () => {
    const as = (w: Who) => callers[w].headers;
    expect((await t.get(`/api/candidates/${international}`, as('coordinator'))).status).toBe(200);
    expect((await t.post(`/api/candidates/${international}/events`, { type: 'screeningStarted' }, as('coordinator'))).status).toBe(200);
    expect((await t.get(`/api/candidates/${international}`, as('recruiter'))).status).toBe(200);
    expect((await t.post(`/api/candidates/${international}/events`, { type: 'withdrawn', reason: 'not theirs to withdraw' }, as('recruiter'))).status).toBe(403);
    expect((await t.get('/api/candidates?programme=domestic', as('coordinator'))).status).toBe(403);
    const listed = (await t.get('/api/candidates?limit=200', as('coordinator'))).body.items as { programme: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((c) => c.programme === 'international')).toBe(true);
  });

  it('records permission failures by id only', async () => {
    const { auditLog } = await import('../../db/schema/index.js');
    const { eq } = await import('drizzle-orm');
    await t.post(`/api/candidates/${international}/events`, { type: 'withdrawn', reason: 'x' }, callers.recruiter.headers);
    const rows = await t.intake.app.db.select().from(auditLog).where(eq(auditLog.kind, 'permission_denied'));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/@example/);
    expect(domesticB).toBeTruthy();
  });
});

describe('DBS certificate details', () => {
  it('records who viewed them when a candidate history holding them is read', async () => {
    const { auditLog } = await import('../../db/schema/index.js');
    const { and, eq } = await import('drizzle-orm');
    const id = await candidate();
    const steps: [string, Record<string, unknown>][] = [
      ['screeningStarted', {}], ['screeningPassed', { careExperienceMonths: 24, body: 'NMC', number: '71A2998E' }],
      ['interviewScheduled', { interviewAt: new Date(t.clock.now().getTime() - 60 * 60 * 1000).toISOString(), location: 'Room 1' }], ['interviewPassed', { scores: valueScores }], ['offerMade', {}], ['offerAccepted', {}],
      ['identity.submitted', {}], ['identity.cleared', identityEvidence(t.clock.now())], ['dbs.submitted', {}],
      ['dbs.cleared', dbsEvidence(t.clock.now())],
    ];
    for (const [type, payload] of steps) expect((await t.post(`/api/candidates/${id}/events`, { type, ...payload })).status, type).toBe(200);
    const viewed = () => t.intake.app.db.select().from(auditLog).where(and(eq(auditLog.kind, 'dbs_details_viewed'), eq(auditLog.subjectId, id)));
    expect(await viewed()).toHaveLength(0);
    expect((await t.get(`/api/candidates/${id}/history`, callers.recruiter.headers)).status).toBe(200);
    const rows = await viewed();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorId).toBeTruthy();
  });
});
