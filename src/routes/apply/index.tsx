// The public application form: the candidate, their journey and (optionally) their CV, as one
// application. Field errors are shown on the form; nothing is created unless everything is valid.
import { Hono } from 'hono';
import { clientAddress } from '../../auth/address.js';
import { hit } from '../../auth/rate-limit.js';
import { sameOriginForms } from '../../auth/same-origin.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { applyWithCv } from '../../services/cv/apply.js';
import { createCandidateBody } from '../candidates/schemas.js';
import { type Form, readForm, textFields } from '../form.js';
import { Applied, ApplyForm, type ApplyValues } from '../../ui/pages/apply.js';

const MAX_BODY = 11 * 1024 * 1024;
const perAddress = { max: 20, windowMs: 60 * 60_000 };

export function applyRoutes(app: AppContext) {
  const r = new Hono();
  r.use('*', sameOriginForms(app.settings.publicUrl));
  r.get('/', (c) => c.html(<ApplyForm />));
  r.post('/', async (c) => {
    let form: Form;
    try {
      form = await readForm(c, { maxBytes: MAX_BODY, overLimit: () => new AppError('payload_too_large', 'Your CV is too large: the limit is 10 MB.') });
    } catch (error) {
      // A form that cannot be taken as sent: the empty form again, with what to fix.
      if (error instanceof AppError && error.status < 500) return c.html(<ApplyForm errors={[error.message]} />, error.status as 400);
      throw error;
    }
    const values: ApplyValues = textFields(form);
    const fields = Object.fromEntries(Object.entries(values).filter(([k, v]) => ['programme', 'profession', 'fullName', 'email', 'phone', 'postcode'].includes(k) && String(v).trim() !== ''));
    const parsed = createCandidateBody.safeParse(fields);
    if (!parsed.success) {
      return c.html(<ApplyForm values={values} errors={parsed.error.issues.map((i) => `${String(i.path[0] ?? 'form')}: ${i.message}`)} />, 400);
    }
    const limit = await hit(app.db, `apply:address:${clientAddress(c, app.settings.trustProxyHops)}`, perAddress, app.clock.now());
    if (!limit.allowed) return c.html(<ApplyForm values={values} errors={['Too many applications from this connection. Please try again later.']} />, 429);
    const upload = form.file instanceof File && form.file.size > 0 ? form.file : null;
    const file = upload ? { filename: upload.name, contentType: upload.type, bytes: new Uint8Array(await upload.arrayBuffer()) } : null;
    try {
      await applyWithCv(app, parsed.data, file, { type: 'applicant', id: null });
    } catch (error) {
      if (error instanceof AppError && error.status < 500) return c.html(<ApplyForm values={values} errors={[`Your CV: ${error.message}`]} />, error.status as 400);
      throw error;
    }
    return c.html(<Applied email={parsed.data.email} />, 201);
  });
  return r;
}
