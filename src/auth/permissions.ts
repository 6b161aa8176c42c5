// Who may do what: one table of role × action, checked on the server for every route. An action
// on a candidate is also scoped by programme: recruiters work domestic and HCSWD journeys and
// read international ones; coordinators work international journeys and cohorts; admins all.
// Reading reports and the mailbox follows the same scope as reading candidates: they hold
// candidates' words (withdrawal reasons, emails).
import type { Programme } from '../../workflows/types.js';
import { programmes } from '../../workflows/types.js';

export const roles = ['recruiter', 'coordinator', 'admin'] as const;
export type Role = (typeof roles)[number];

export const actions = [
  'candidates.read', 'candidates.create', 'journey.act', 'notes.write', 'cv.upload', 'cv.review',
  'pipeline.read', 'reports.read', 'workflows.read', 'mailbox.read', 'jobs.read', 'jobs.retry',
  'cohorts.read', 'cohorts.manage', 'users.manage', 'tokens.own', 'data.export', 'data.erase', 'webhooks.manage',
  'metrics.read',
] as const;
export type Action = (typeof actions)[number];

/** `all` programmes, some of them, or `none`. Actions that are not about a candidate use all/none. */
export type Scope = 'all' | 'none' | readonly Programme[];

const work = ['domestic', 'hcswd'] as const;
const intl = ['international'] as const;

export const permissions: Record<Role, Record<Action, Scope>> = {
  recruiter: {
    'candidates.read': 'all', 'candidates.create': work, 'journey.act': work, 'notes.write': work, 'cv.upload': work, 'cv.review': work,
    'pipeline.read': 'all', 'reports.read': 'all', 'workflows.read': 'all', 'mailbox.read': 'all', 'jobs.read': 'all', 'jobs.retry': 'none',
    'cohorts.read': 'none', 'cohorts.manage': 'none', 'users.manage': 'none', 'tokens.own': 'all', 'data.export': 'none', 'data.erase': 'none',
    'metrics.read': 'none',
    'webhooks.manage': 'none',
  },
  coordinator: {
    'candidates.read': intl, 'candidates.create': intl, 'journey.act': intl, 'notes.write': intl, 'cv.upload': intl, 'cv.review': intl,
    'pipeline.read': 'all', 'reports.read': intl, 'workflows.read': 'all', 'mailbox.read': intl, 'jobs.read': 'all', 'jobs.retry': 'none',
    'cohorts.read': 'all', 'cohorts.manage': 'all', 'users.manage': 'none', 'tokens.own': 'all', 'data.export': 'none', 'data.erase': 'none',
    'metrics.read': 'none',
    'webhooks.manage': 'none',
  },
  admin: Object.fromEntries(actions.map((a) => [a, 'all'])) as Record<Action, Scope>,
};

/** The programmes a role may do `action` on (empty: none). */
export function programmesFor(role: Role, action: Action): Programme[] {
  const scope = permissions[role][action];
  if (scope === 'all') return [...programmes];
  if (scope === 'none') return [];
  return [...scope];
}

export function allows(role: Role, action: Action, programme?: string): boolean {
  const allowed = programmesFor(role, action);
  return programme === undefined ? allowed.length > 0 : allowed.includes(programme as Programme);
}
