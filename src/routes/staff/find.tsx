// Find anyone (every status) and act on several: thin handlers over services/candidates/find and bulk.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../../auth/authorize.js';
import { allows, programmesFor } from '../../auth/permissions.js';
import { type SessionVars, checkCsrf } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { type BulkMove, bulkMove, bulkMoves } from '../../services/candidates/bulk.js';
import { findCandidates, findSorts } from '../../services/candidates/find.js';
import { FindPage, type FindQuery } from '../../ui/pages/find.js';
import { journeyStatuses, programmes } from '../../../workflows/types.js';
import { readForm, textFields } from '../form.js';
import { parseWith } from '../input.js';
import { staffOf } from './staff-of.js';

const PAGE = 50;
const empty = z.literal('').transform(() => undefined);
const query = z.object({
  q: z.string().trim().max(100).optional().transform((v) => v || undefined),
  status: z.union([z.enum(journeyStatuses), empty]).optional(),
  programme: z.union([z.enum(programmes), empty]).optional(),
  sort: z.enum(findSorts).default('applied'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export function findPages(app: AppContext) {
  const r = new Hono<SessionVars>();
  const render = async (c: Context<SessionVars>, extra: { outcome?: { ok: number; failed: { name: string; message: string }[] }; error?: string } = {}, status: 200 | 400 = 200) => {
    const staff = c.get('staff');
    await authorize(app, staff, 'candidates.read');
    const f = parseWith(query, c.req.query(), 'invalid_query') as FindQuery & { sort: (typeof findSorts)[number] };
    const readable = programmesFor(staff.role, 'candidates.read');
    const found = await findCandidates(app.db, { ...f, programmes: readable, limit: PAGE, offset: (f.page - 1) * PAGE });
    const canBulk = allows(staff.role, 'journey.act');
    const moves = Object.entries(bulkMoves).map(([value, m]) => ({ value, label: m.label, needsReason: m.needsReason }));
    return c.html(<FindPage staff={staffOf(c)} f={f} programmes={readable} items={found.items} total={found.total} pageSize={PAGE} now={app.clock.now()} canBulk={canBulk} moves={moves} {...extra} />, status);
  };

  r.get('/', (c) => render(c));

  r.post('/bulk', async (c) => {
    const raw = await readForm(c);
    const form = textFields(raw);
    checkCsrf(c.get('session'), form._csrf);
    const ids = (Array.isArray(raw.ids) ? raw.ids : raw.ids ? [raw.ids] : []).filter((x): x is string => typeof x === 'string' && /^[0-9a-f-]{36}$/i.test(x));
    const move = form.move ?? '';
    if (!ids.length) return render(c, { error: 'Tick at least one person.' }, 400);
    if (!Object.hasOwn(bulkMoves, move)) return render(c, { error: 'Choose an action.' }, 400);
    const m = move as BulkMove;
    const reason = (form.reason ?? '').trim();
    if (bulkMoves[m].needsReason && !reason) return render(c, { error: 'Give the reason: the candidates see it.' }, 400);
    const outcomes = await bulkMove(app, c.get('staff'), ids, m, reason || undefined);
    const found = await findCandidates(app.db, { sort: 'name', dir: 'asc', programmes: programmesFor(c.get('staff').role, 'candidates.read'), limit: 100, offset: 0, ids });
    const nameOf = (id: string) => found.items.find((x) => x.id === id)?.fullName ?? 'someone';
    return render(c, { outcome: { ok: outcomes.filter((o) => o.ok).length, failed: outcomes.filter((o) => !o.ok).map((o) => ({ name: nameOf(o.candidateId), message: o.message ?? '' })) } });
  });
  return r;
}
