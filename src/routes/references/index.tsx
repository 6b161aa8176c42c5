// Public: the referee's one-time link. No account; the unguessable link is the permission. A used,
// expired or unknown link gets a clear page (410/404), never an error dump.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { answerReference, findReferenceRequest } from '../../services/references/answer.js';
import { ReferenceForm, ReferenceOutcome } from '../../ui/reference-pages.js';
import { sameOriginForms } from '../../auth/same-origin.js';
import { readForm, textFields } from '../form.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'use a month and year');
const yes = z.enum(['yes', 'no']).transform((v) => v === 'yes');
const answersForm = z.object({
  refereeName: z.string().trim().min(1, 'your name').max(200),
  refereePosition: z.string().trim().min(1, 'your job title').max(200),
  jobTitle: z.string().trim().min(1, 'the candidate’s job title').max(200),
  employedFrom: month,
  employedTo: z.union([month, z.literal('')]).optional().transform((v) => v || undefined),
  datesConfirmed: yes,
  roleConfirmed: yes,
  reemploy: z.enum(['yes', 'no', 'unsure']),
  concerns: z.string().trim().max(2000).optional().transform((v) => v || undefined),
  declaration: z.literal('yes', { message: 'the declaration' }),
});

/** The form's questions, as the referee reads them, to name a field in an error. */
const fieldLabels: Record<string, string> = {
  refereeName: 'Your name', refereePosition: 'Your job title', jobTitle: 'The candidate’s job title', employedFrom: 'Employed from',
  employedTo: 'Employed until', datesConfirmed: 'Are the dates from your records', roleConfirmed: 'Is the job title the one your records show', reemploy: 'Would you employ them again',
  concerns: 'Concerns', declaration: 'Declaration',
};

const statusFor = { not_found: 404, used: 410, expired: 410 } as const;

export function referenceRoutes(app: AppContext) {
  const r = new Hono();
  r.use('/:token', sameOriginForms(app.settings.publicUrl));
  r.get('/:token', async (c) => {
    const found = await findReferenceRequest(app, c.req.param('token'));
    if (typeof found === 'string') return c.html(<ReferenceOutcome outcome={found} />, statusFor[found]);
    return c.html(<ReferenceForm request={found} action={c.req.path} />);
  });
  r.post('/:token', async (c) => {
    const token = c.req.param('token');
    const found = await findReferenceRequest(app, token);
    if (typeof found === 'string') return c.html(<ReferenceOutcome outcome={found} />, statusFor[found]);
    const parsed = answersForm.safeParse(textFields(await readForm(c)));
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => `${fieldLabels[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`);
      return c.html(<ReferenceForm request={found} action={c.req.path} errors={errors} />, 400);
    }
    const { declaration: _d, ...answers } = parsed.data;
    const outcome = await answerReference(app, token, answers);
    return c.html(<ReferenceOutcome outcome={outcome} />, outcome === 'accepted' || outcome === 'not_needed' ? 200 : statusFor[outcome]);
  });
  return r;
}
