// The membership and bookability routes as the OpenAPI document declares them (served in ./api.ts).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { complianceItems, complianceStatuses } from '../../../workflows/membership/items.js';
import { membershipEvents } from '../../../workflows/membership/events.js';
import { professions } from '../../../workflows/types.js';
import { candidateIdParam, json, jsonBody, problems } from '../openapi/common.js';

const tags = ['Membership'];
const day = z.iso.date();

export const reasonSchema = z.object({
  item: z.enum([...complianceItems, 'membership']).describe('The compliance item that stops bookings (`membership`: not a bank member)'),
  words: z.string().describe('The reason, in words'),
  status: z.string().describe('overdue, suspended, or not_member'),
  since: day.describe('The day it has stopped bookings since'),
  dueOn: day.nullable().describe('The item\'s last day in date'),
}).meta({ id: 'BookabilityReason' });

export const bookabilitySchema = z.object({
  candidateId: z.uuid(), role: z.enum(professions).nullable().describe('The role asked about: the shift\'s, or the member\'s own'),
  bookable: z.boolean(), reasons: z.array(reasonSchema),
}).meta({ id: 'Bookability' });

export const roleQuery = z.object({
  role: z.enum(professions).optional().meta({ param: { name: 'role', in: 'query' }, description: 'The shift\'s role; the member\'s own when left out' }),
});
export const bulkBookabilityBody = z.strictObject({
  candidateIds: z.array(z.uuid()).min(1, 'name at least one candidate').max(1000, 'ask about at most 1,000 candidates at a time'),
  role: z.enum(professions).optional(),
}).meta({ id: 'BulkBookabilityRequest' });

export const itemSchema = z.object({
  item: z.enum(complianceItems), title: z.string(), status: z.enum(complianceStatuses), statusWords: z.string(),
  owner: z.enum(['member', 'compliance_team', 'none']), dueOn: day.nullable(), since: z.iso.datetime(), renewedOn: day.nullable(),
  evidence: z.record(z.string(), z.unknown()).nullable().describe('The structured evidence that last renewed it'),
  roles: z.array(z.string()).describe('The roles this item stops bookings for when it lapses'),
}).meta({ id: 'ComplianceItem' });

export const membershipSchema = z.object({
  id: z.uuid(), candidateId: z.uuid(), role: z.string(), status: z.string(), bookable: z.boolean(), unbookableSince: z.iso.datetime().nullable(),
  hiredAt: z.iso.datetime(), version: z.number().int(), items: z.array(itemSchema),
}).meta({ id: 'Membership' });

export const membershipEventBody = z.object({ type: z.enum(Object.keys(membershipEvents) as [string, ...string[]]) })
  .catchall(z.unknown()).meta({ id: 'MembershipEvent', description: '`itemRenewed` takes `item` and the evidence for it (e.g. training: completedOn; DBS: issueDate, level; right to work: checkedOn, method, permission, permissionExpiresOn)' });

export const getBookability = createRoute({
  method: 'get', path: '/candidates/{id}/bookability', tags, summary: 'Whether a shift system may book this member',
  description: 'Not bookable while an item the role needs is overdue or suspended; each reason names the item and since when.',
  request: { params: candidateIdParam, query: roleQuery },
  responses: { 200: json(bookabilitySchema, 'Bookable, or the reasons not'), ...problems(400, 404) },
});

export const bulkBookability = createRoute({
  method: 'post', path: '/bookability', tags, summary: 'Bookability of many members at once',
  request: { body: jsonBody(bulkBookabilityBody) },
  responses: { 200: json(z.object({ items: z.array(bookabilitySchema) }), 'One answer per id, in the order asked'), ...problems(400, 415) },
});

export const getMembership = createRoute({
  method: 'get', path: '/candidates/{id}/membership', tags, summary: 'A member\'s compliance items',
  request: { params: candidateIdParam },
  responses: { 200: json(membershipSchema, 'The membership (ETag: its version)'), ...problems(404) },
});

export const sendMembershipEvent = createRoute({
  method: 'post', path: '/candidates/{id}/membership/events', tags, summary: 'Record compliance evidence or a review on a member',
  request: { params: candidateIdParam, body: jsonBody(membershipEventBody) },
  responses: { 200: json(membershipSchema, 'The membership as the event left it'), ...problems(400, 403, 404, 409, 415, 422) },
});
