// /api membership routes: bookability for shift systems (one member, or many), a member's
// compliance items, and recording evidence on them. Thin: parse, call a service, shape the reply.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AuthVars } from '../../auth/bearer.js';
import { authorizedCandidate } from '../../auth/authorize.js';
import { programmesFor } from '../../auth/permissions.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { actOnMembership } from '../../services/membership/act.js';
import { bookabilityOf } from '../../services/membership/bookability.js';
import { membershipView } from '../../services/membership/view.js';
import { idParam, ifMatchVersion, parseWith, readJsonObject } from '../input.js';
import { serve } from '../openapi/common.js';
import * as routes from './openapi.js';

export function membershipRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();

  serve(r, routes.getBookability, async (c) => {
    const id = idParam(c);
    const { role } = parseWith(routes.roleQuery, c.req.query(), 'invalid_query');
    await authorizedCandidate(app, c.get('principal'), 'candidates.read', id, c.get('candidate'));
    const [answer] = await bookabilityOf(app, { candidateIds: [id], role, programmes: programmesFor(c.get('principal').role, 'candidates.read') });
    return c.json(answer!);
  });

  serve(r, routes.bulkBookability, async (c) => {
    const body = parseWith(routes.bulkBookabilityBody, await readJsonObject(c));
    // Ids the caller may not read answer as not members: nothing about them is given away.
    const ids = [...new Set(body.candidateIds.map((i) => i.toLowerCase()))];
    return c.json({ items: await bookabilityOf(app, { candidateIds: ids, role: body.role, programmes: programmesFor(c.get('principal').role, 'candidates.read') }) });
  });

  serve(r, routes.getMembership, async (c) => {
    const id = idParam(c);
    await authorizedCandidate(app, c.get('principal'), 'candidates.read', id, c.get('candidate'));
    const view = await membershipView(app, id);
    if (!view) throw notFound('The membership (this candidate is not a bank member yet)');
    c.header('ETag', `"${view.version}"`);
    return c.json(view);
  });

  serve(r, routes.sendMembershipEvent, async (c) => {
    const id = idParam(c);
    const body = await readJsonObject(c);
    const { type } = parseWith(routes.membershipEventBody, body);
    const { type: _type, ...payload } = body;
    await actOnMembership(app, c.get('principal'), id, { type, payload, expectedVersion: ifMatchVersion(c) });
    return c.json((await membershipView(app, id))!);
  });

  return r;
}
