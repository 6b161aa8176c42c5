import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { authorize } from '../../auth/authorize.js';
import { programmesFor } from '../../auth/permissions.js';
import type { SessionVars } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { boardColumnPage, boardColumns } from '../../services/board/columns.js';
import { checksWaiting } from '../../services/board/waiting.js';
import { BoardPage, ColumnPage } from '../../ui/pages/board.js';
import { professions, programmes } from '../../../workflows/types.js';
import { parseWith } from '../input.js';
import { staffOf } from './staff-of.js';

const filters = z.object({
  programme: z.enum(programmes).optional(),
  profession: z.union([z.enum(professions), z.literal('')]).optional().transform((v) => v || undefined),
  owner: z.union([z.enum(['candidate', 'recruiter', 'coordinator', 'third_party']), z.literal('')]).optional().transform((v) => v || undefined),
  overdue: z.literal('1').optional().transform((v) => v === '1'),
  q: z.string().trim().max(100).optional().transform((v) => v || undefined),
  stage: z.string().regex(/^[a-z_0-9]{1,40}$/).optional(),
  cursor: z.string().max(200).optional(),
});

export function boardPages(app: AppContext) {
  const r = new Hono<SessionVars>();
  const read = async (c: Context<SessionVars>) => {
    const staff = c.get('staff');
    await authorize(app, staff, 'pipeline.read');
    const q = parseWith(filters, c.req.query(), 'invalid_query');
    const readable = programmesFor(staff.role, 'candidates.read');
    const programme = q.programme ?? readable[0] ?? 'domestic';
    if (!readable.includes(programme)) throw new AppError('forbidden', `Your role may not see ${programme} candidates.`);
    return { staff, q, readable, f: { programme, profession: q.profession, owner: q.owner, overdue: q.overdue, q: q.q } };
  };

  r.get('/', async (c) => {
    const { readable, f } = await read(c);
    const columns = await boardColumns(app.db, app.machines[f.programme], app.policy, f, app.clock.now());
    // Only cards in a stage of parallel checks have several owners at once.
    const waiting = await checksWaiting(app, columns.filter((col) => /checks$/.test(col.stage)).flatMap((col) => col.cards.map((card) => card.journeyId)));
    return c.html(<BoardPage staff={staffOf(c)} filters={f} programmes={readable} columns={columns} waiting={waiting} total={columns.reduce((a, col) => a + col.count, 0)} />);
  });

  r.get('/column', async (c) => {
    const { q, f } = await read(c);
    if (!q.stage) throw new AppError('invalid_query', 'stage: choose a column', { field: 'stage' });
    const page = await boardColumnPage(app.db, app.machines[f.programme], app.policy, f, q.stage, app.clock.now(), q.cursor);
    return c.html(<ColumnPage staff={staffOf(c)} filters={f} stage={q.stage} cards={page.cards} nextCursor={page.nextCursor} />);
  });
  return r;
}
