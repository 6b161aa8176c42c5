// Stored emails never contain a one-time link: they hold `{{link:<kind>:<id>}}`, which is
// expanded from the install secret only when the email leaves, in the send itself
// (src/jobs/email.ts). The database holds no usable token, only hashes, and no reader of a stored
// email — staff in the mailbox, the API, an export — ever sees a live link: they see it redacted.
import type { Settings } from '../../context.js';
import { type LinkKind, linkToken } from '../references/tokens.js';

const PLACEHOLDER = /\{\{link:(reference|magic):([0-9a-f-]{36})\}\}/g;

const paths: Record<LinkKind, string> = { reference: 'references', magic: 'portal/link' };

export const linkPlaceholder = (kind: LinkKind, id: string) => `{{link:${kind}:${id}}}`;

const linkUrl = (settings: Pick<Settings, 'publicUrl' | 'secret'>, kind: LinkKind, id: string) =>
  `${settings.publicUrl}/${paths[kind]}/${linkToken(settings.secret, kind, id)}`;

/** The message as it leaves: every placeholder becomes its live link. For the send only. */
export const expandLinks = (text: string, settings: Pick<Settings, 'publicUrl' | 'secret'>) =>
  text.replace(PLACEHOLDER, (_, kind: LinkKind, id: string) => linkUrl(settings, kind, id));

const hidden: Record<LinkKind, string> = { magic: 'sign-in link', reference: 'reference form link' };
/** In an HTML attribute, a placeholder becomes a link to nowhere. */
const PLACEHOLDER_IN_HREF = /href="\{\{link:(?:reference|magic):[0-9a-f-]{36}\}\}"/g;

/** The message as a reader of the stored copy sees it: every one-time link named, not given. */
export const redactLinks = (text: string) => text
  .replace(PLACEHOLDER_IN_HREF, 'href="#one-time-link-hidden"')
  .replace(PLACEHOLDER, (_, kind: LinkKind) => `[one-time ${hidden[kind]}: sent only to the recipient]`);
