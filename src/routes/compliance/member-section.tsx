// The member's compliance panel for the candidate record (mounted there with one line): read
// here, in the routes layer, so the record page's component stays free of queries.
import type { AppContext } from '../../context.js';
import { membershipHistory, membershipView } from '../../services/membership/view.js';
import { MemberPanel } from '../../ui/compliance/member-panel.js';

/** The panel for a hired member; nothing for a candidate who is not one (yet). The caller has authorized reading the candidate. */
export async function memberSection(app: AppContext, candidateId: string) {
  const view = await membershipView(app, candidateId);
  if (!view) return null;
  return <MemberPanel view={view} history={await membershipHistory(app, view.id)} compact />;
}
