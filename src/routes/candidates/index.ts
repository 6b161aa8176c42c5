// /api/candidates: thin handlers — parse, call a service, shape the reply.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AuthVars } from '../../auth/bearer.js';
import type { AppContext } from '../../context.js';
import { authorize, authorizeCandidate, authorizedCandidate } from '../../auth/authorize.js';
import { programmesFor } from '../../auth/permissions.js';
import { actorOf } from '../../auth/principal.js';
import { AppError } from '../../errors.js';
import { act, replyOf } from '../../services/journeys/act.js';
import { createCandidate } from '../../services/candidates/create.js';
import { candidateWithJourney } from '../../services/candidates/get.js';
import { candidateHistoryPage } from '../../services/candidates/history.js';
import { listCandidates } from '../../services/candidates/list.js';
import { candidateEmails } from '../../services/emails/list.js';
import { audit } from '../../services/audit/record.js';
import { idParam, ifMatchVersion, parseWith, prefersMinimal, readJsonObject } from '../input.js';
import { serve } from '../openapi/common.js';
import * as routes from './openapi.js';
import { createCandidateBody, eventBody, listCandidatesQuery, pageQuery } from './schemas.js';


export function candidateRoutes(app: AppContext) {
  const r = new OpenAPIHono<AuthVars>();

  serve(r, routes.createCandidate, async (c) => {
    const body = parseWith(createCandidateBody, await readJsonObject(c));
    await authorize(app, c.get('principal'), 'candidates.create', body.programme);
    const created = await createCandidate(app, body, actorOf(c.get('principal')));
    c.header('Location', `/api/candidates/${created.id}`);
    return c.json(created, 201);
  });

  serve(r, routes.listCandidates, async (c) => {
    const query = parseWith(listCandidatesQuery, c.req.query(), 'invalid_query');
    const readable = programmesFor(c.get('principal').role, 'candidates.read');
    if (query.programme && !readable.includes(query.programme)) {
      throw new AppError('forbidden', `Your role (${c.get('principal').role}) may not read ${query.programme} candidates.`);
    }
    return c.json(await listCandidates(app.db, { ...query, programmes: readable }));
  });

  serve(r, routes.getCandidate, async (c) => {
    const id = idParam(c);
    // The row the permission check read is the reply: one prepared query in all.
    const { candidate, journey } = await authorizedCandidate(app, c.get('principal'), 'candidates.read', id, c.get('candidate'));
    const reply = candidateWithJourney(app, candidate, journey);
    c.header('ETag', `"${reply.journey.version}"`);
    return c.json(reply);
  });

  serve(r, routes.sendEvent, async (c) => {
    const id = idParam(c);
    const expectedVersion = ifMatchVersion(c);
    // The payload comes from the body as sent, not from zod's copy of it: that copy assigns a
    // "__proto__" key (setting the prototype) instead of keeping it, which hid it from the
    // event's strict schema.
    const body = await readJsonObject(c);
    const { type } = parseWith(eventBody, body);
    const { type: _type, ...payload } = body;
    const acted = await act(app, c.get('principal'), id, { type, payload, expectedVersion }, c.get('candidate'));
    c.header('Vary', 'Prefer', { append: true });
    if (prefersMinimal(c) && !acted.movedProgramme) {
      // The outcome without the reply's view (the events allowed next, each checked against the
      // machine): most of an event's CPU, for a client that already knows its next step.
      const { journey } = acted;
      c.header('ETag', `"${journey.version}"`);
      c.header('Preference-Applied', 'return=minimal');
      return c.json({ id: acted.candidate.id, journey: { id: journey.id, version: journey.version, state: journey.state, stage: journey.stage, status: journey.status } });
    }
    const reply = await replyOf(app, acted);
    c.header('ETag', `"${reply.journey.version}"`);
    return c.json(reply);
  });

  serve(r, routes.getHistory, async (c) => {
    const id = idParam(c);
    await authorizeCandidate(app, c.get('principal'), 'candidates.read', id, c.get('candidate'));
    const { items, nextCursor } = await candidateHistoryPage(app.db, id, parseWith(pageQuery, c.req.query(), 'invalid_query'));
    // DBS certificate details (number, date, level, outcome) are kept with who viewed them.
    if (items.some((i) => i.type === 'dbs.cleared' && (i.payload as { certificateNumber?: string }).certificateNumber)) {
      const p = c.get('principal');
      await audit(app.db, { kind: 'dbs_details_viewed', actorType: p.via, actorId: p.userId ?? p.tokenId, subjectId: id, at: app.clock.now() });
    }
    return c.json({ items, nextCursor });
  });

  serve(r, routes.getEmails, async (c) => {
    const id = idParam(c);
    await authorizeCandidate(app, c.get('principal'), 'candidates.read', id, c.get('candidate'));
    return c.json(await candidateEmails(app.db, id, parseWith(pageQuery, c.req.query(), 'invalid_query')));
  });

  return r;
}
