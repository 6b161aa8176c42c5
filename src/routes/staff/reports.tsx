// Replaced by the reports pages (issue 6).
import { Hono } from 'hono';
import type { SessionVars } from '../../auth/session.js';
import type { AppContext } from '../../engine/context.js';

export function reportPages(_app: AppContext) {
  return new Hono<SessionVars>();
}
