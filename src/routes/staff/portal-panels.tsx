// The record page's portal panels, loaded for the signed-in member of staff (one line mounts them).
import type { Context } from 'hono';
import type { SessionVars } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { staffPortalView } from '../../services/portal/staff-view.js';
import { PortalPanels } from '../../ui/staff/portal-panels.js';

export async function portalPanels(app: AppContext, c: Context<SessionVars>, candidateId: string) {
  return <PortalPanels view={await staffPortalView(app, c.get('staff'), candidateId)} csrf={c.get('session').csrf} />;
}
