// The candidate routes as the OpenAPI document declares them (served in ./index.ts).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { journeyStatuses, professions, programmes } from '../../../workflows/types.js';
import { candidateIdParam, json, jsonBody, paged, problems } from '../openapi/common.js';
import { createCandidateBody, eventBody, listCandidatesQuery, pageQuery } from './schemas.js';

const tags = ['Candidates'];
const time = z.iso.datetime();
const owner = z.enum(['candidate', 'recruiter', 'coordinator', 'third_party', 'none']).describe('Who must act next');

export const journeySchema = z.object({
  id: z.uuid(), programme: z.enum(programmes), machineVersion: z.number().int(),
  state: z.string().describe('The machine state (dotted path)'), stage: z.string().describe('The board column'),
  status: z.enum(journeyStatuses), version: z.number().int().describe('Increases by one per accepted event: send it back as If-Match'),
  stageEnteredAt: time, createdAt: time, updatedAt: time,
  exit: z.object({ stage: z.string().nullable(), reason: z.string().nullable() }).nullable(),
  applicantStatus: z.object({ title: z.string(), detail: z.string(), owner }).describe('What the applicant sees, in plain words'),
  checks: z.array(z.object({ name: z.string(), status: z.string(), owner, title: z.string(), dueAt: time.optional() })),
  allowedEvents: z.array(z.object({
    type: z.string(), label: z.string(), intent: z.string(),
    schema: z.record(z.string(), z.unknown()).describe('JSON Schema of the event\'s payload'),
    example: z.record(z.string(), z.unknown()).describe('A payload valid now'),
  })).describe('The events the journey takes now, from the machine itself'),
  context: z.record(z.string(), z.unknown()).describe('What the journey has recorded (route, dates, evidence)'),
  warning: z.string().optional().describe('An old snapshot that cannot be loaded: shown, not changed'),
}).meta({ id: 'Journey' });

export const candidateSchema = z.object({
  id: z.uuid(), fullName: z.string(), email: z.string(), phone: z.string().nullable(), postcode: z.string().nullable(),
  profession: z.enum(professions), registrationNumber: z.string().nullable(), programme: z.enum(programmes),
  createdAt: time, updatedAt: time, journey: journeySchema,
}).meta({ id: 'Candidate' });

const listItem = z.object({
  id: z.uuid(), fullName: z.string(), email: z.string(), profession: z.string(), programme: z.enum(programmes),
  state: z.string(), stage: z.string(), status: z.enum(journeyStatuses), owner, stageEnteredAt: time, createdAt: time,
  updatedAt: time.describe('The latest change: an event, or to the candidate\'s details'),
}).meta({ id: 'CandidateListItem' });

export const historyEntry = z.object({
  journeyId: z.uuid(), programme: z.string(), seq: z.number().int(), type: z.string(), payload: z.unknown(),
  actor: z.object({ type: z.enum(['user', 'system', 'applicant', 'referee']), id: z.string().nullable() }),
  from: z.string().nullable(), to: z.string(), fromStage: z.string().nullable(), toStage: z.string(), at: time,
}).meta({ id: 'HistoryEntry' });

export const emailSummary = z.object({
  id: z.uuid(), template: z.string(), to: z.string(), toRole: z.string(), subject: z.string(), status: z.string(),
  transport: z.string(), providerId: z.string().nullable(), attempts: z.number().int(), lastError: z.string().nullable(),
  createdAt: time, sentAt: time.nullable(),
}).meta({ id: 'EmailSummary' });

const ifMatch = z.object({ 'If-Match': z.string().optional().describe('The journey version the event was decided on, e.g. "3": 409 if it has moved on') });
const eventHeaders = ifMatch.extend({
  Prefer: z.string().optional().describe('`return=minimal`: answer with the journey\'s new version, state, stage and status only (no allowed events), for a client that knows its next step; the reply then carries `Preference-Applied: return=minimal`'),
});
/** The reply to `Prefer: return=minimal`. */
export const eventOutcome = z.object({
  id: z.uuid(),
  journey: z.object({ id: z.uuid(), version: z.number().int(), state: z.string(), stage: z.string(), status: z.string() }),
}).meta({ id: 'EventOutcome' });

export const createCandidate = createRoute({
  method: 'post', path: '/', tags, summary: 'Add a candidate (apply)',
  description: 'Starts the programme\'s journey. As multipart/form-data the same fields are form fields and the CV (PDF, up to 10 MB) is the `file` part.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: createCandidateBody },
        'multipart/form-data': { schema: z.object({ file: z.string().meta({ format: 'binary' }).optional() }).describe('The fields of NewCandidate as form fields, and the CV as `file`') },
      },
    },
  },
  responses: { 201: json(candidateSchema, 'The candidate and their new journey (Location names it)'), ...problems(400, 403, 413, 415) },
});

export const listCandidates = createRoute({
  method: 'get', path: '/', tags, summary: 'List candidates',
  description: 'Newest first, keyset-paginated. With `updatedSince`, the candidates changed since then, oldest change first (for pollers).',
  request: { query: listCandidatesQuery },
  responses: { 200: json(paged(listItem), 'A page of candidates'), ...problems(400, 403) },
});

export const getCandidate = createRoute({
  method: 'get', path: '/{id}', tags, summary: 'A candidate with their journey', request: { params: candidateIdParam },
  responses: { 200: json(candidateSchema, 'The candidate (ETag: the journey version)'), ...problems(404) },
});

export const sendEvent = createRoute({
  method: 'post', path: '/{id}/events', tags, summary: 'Send an event to the candidate\'s journey',
  description: 'The body is `{type, ...payload}`; the candidate\'s `journey.allowedEvents` lists what is possible now, each with its schema and an example.',
  request: { params: candidateIdParam, headers: eventHeaders, body: jsonBody(eventBody.meta({ id: 'Event' })) },
  responses: { 200: json(z.union([candidateSchema, eventOutcome]), 'The candidate as the event left them (with `Prefer: return=minimal`, the journey\'s new version and place only)'), ...problems(400, 403, 404, 409, 415, 422) },
});

export const getHistory = createRoute({
  method: 'get', path: '/{id}/history', tags, summary: 'Every accepted event, oldest first', request: { params: candidateIdParam, query: pageQuery },
  responses: { 200: json(paged(historyEntry), 'A page of the history'), ...problems(400, 404) },
});

export const getEmails = createRoute({
  method: 'get', path: '/{id}/emails', tags, summary: 'Every email about the candidate, with its delivery status', request: { params: candidateIdParam, query: pageQuery },
  responses: { 200: json(paged(emailSummary), 'A page of emails'), ...problems(400, 404) },
});
