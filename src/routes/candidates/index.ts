// /api/candidates: thin handlers — parse, call a service, shape the reply.
import { Hono } from 'hono';
import type { AuthVars } from '../../auth/bearer.js';
import type { Actor, AppContext } from '../../engine/context.js';
import { dispatch, parseEvent } from '../../engine/dispatch.js';
import { createCandidate } from '../../services/candidates/create.js';
import { currentJourneyId, getCandidate } from '../../services/candidates/get.js';
import { candidateHistory } from '../../services/candidates/history.js';
import { listCandidates } from '../../services/candidates/list.js';
import { candidateEmails } from '../../services/emails/list.js';
import { idParam, ifMatchVersion, parseWith, readJsonObject } from '../input.js';
import { createCandidateBody, eventBody, listCandidatesQuery } from './schemas.js';

const actorOf = (c: { get(k: 'principal'): { tokenId: string } }): Actor => ({ type: 'user', id: c.get('principal').tokenId });

export function candidateRoutes(app: AppContext) {
  const r = new Hono<AuthVars>();

  r.post('/', async (c) => {
    const body = parseWith(createCandidateBody, await readJsonObject(c));
    const created = await createCandidate(app, body, actorOf(c));
    c.header('Location', `/api/candidates/${created.id}`);
    return c.json(created, 201);
  });

  r.get('/', async (c) => {
    const query = parseWith(listCandidatesQuery, c.req.query(), 'invalid_query');
    return c.json(await listCandidates(app.db, query));
  });

  r.get('/:id', async (c) => {
    const candidate = await getCandidate(app, idParam(c));
    c.header('ETag', `"${candidate.journey.version}"`);
    return c.json(candidate);
  });

  r.post('/:id/events', async (c) => {
    const id = idParam(c);
    const expectedVersion = ifMatchVersion(c);
    // The payload comes from the body as sent, not from zod's copy of it: that copy assigns a
    // "__proto__" key (setting the prototype) instead of keeping it, which hid it from the
    // event's strict schema.
    const body = await readJsonObject(c);
    const { type } = parseWith(eventBody, body);
    const { type: _type, ...payload } = body;
    const data = parseEvent(type, payload);
    const journeyId = await currentJourneyId(app, id);
    await dispatch(app, journeyId, type, data, actorOf(c), { expectedVersion });
    const candidate = await getCandidate(app, id);
    c.header('ETag', `"${candidate.journey.version}"`);
    return c.json(candidate);
  });

  r.get('/:id/history', async (c) => c.json({ items: await candidateHistory(app.db, idParam(c)) }));

  r.get('/:id/emails', async (c) => c.json({ items: await candidateEmails(app.db, idParam(c)) }));

  return r;
}
