// What a recipient's inbox holds: each stored email with its one-time links as the send expands
// them (src/jobs/email.ts) — the live links exist only on their way out, so no reader of Intake
// (the mailbox, the API) can show them. Tests play the recipient through this.
import { desc, eq } from 'drizzle-orm';
import { emails } from '../../db/schema/index.js';
import { expandLinks } from '../../src/services/emails/links.js';
import type { TestIntake } from './intake.js';

export interface Received { id: string; template: string; subject: string; text: string; html: string }

/** The emails to `address`, newest first, as delivered. */
export async function inbox(t: TestIntake, address: string): Promise<Received[]> {
  const rows = await t.intake.app.db.select().from(emails).where(eq(emails.toAddress, address.toLowerCase())).orderBy(desc(emails.createdAt), desc(emails.jobKey));
  const settings = t.intake.app.settings;
  return rows.map((r) => ({ id: r.id, template: r.template, subject: r.subject, text: expandLinks(r.text, settings), html: expandLinks(r.html, settings) }));
}

/** The newest email of this template to `address`, as delivered. */
export async function received(t: TestIntake, address: string, template: string): Promise<Received> {
  const found = (await inbox(t, address)).find((m) => m.template === template);
  if (!found) throw new Error(`no ${template} email to ${address}`);
  return found;
}
