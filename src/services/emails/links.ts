// Stored emails never contain a one-time link: they hold `{{link:<kind>:<id>}}`, which is
// expanded from the install secret only when the email leaves (or when staff open the local
// mailbox). The database therefore holds no usable token, only hashes.
import type { Settings } from '../../context.js';
import { type LinkKind, linkToken } from '../references/tokens.js';

const PLACEHOLDER = /\{\{link:(reference|magic):([0-9a-f-]{36})\}\}/g;

const paths: Record<LinkKind, string> = { reference: 'references', magic: 'portal/link' };

export const linkPlaceholder = (kind: LinkKind, id: string) => `{{link:${kind}:${id}}}`;

const linkUrl = (settings: Pick<Settings, 'publicUrl' | 'secret'>, kind: LinkKind, id: string) =>
  `${settings.publicUrl}/${paths[kind]}/${linkToken(settings.secret, kind, id)}`;

export const expandLinks = (text: string, settings: Pick<Settings, 'publicUrl' | 'secret'>) =>
  text.replace(PLACEHOLDER, (_, kind: LinkKind, id: string) => linkUrl(settings, kind, id));
