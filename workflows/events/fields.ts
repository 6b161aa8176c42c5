// Payload field schemas shared by many events.
import { z } from 'zod';
import { DAY_MS } from '../policy.js';

export const reason = z.string().trim().min(1).max(2000);
export const note = z.string().trim().max(2000).optional();
export const shortText = z.string().trim().min(1).max(200);
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });
export const email = z.email().max(320);

export const none = z.strictObject({});
export const withNote = z.strictObject({ note });
export const withReason = z.strictObject({ reason });

/** `at` plus n days, as a date or a date-time: examples are always valid relative to now. */
export const dateAfter = (at: string, n: number): string => new Date(Date.parse(at) + n * DAY_MS).toISOString().slice(0, 10);
export const dateTimeAfter = (at: string, n: number): string => new Date(Date.parse(at) + n * DAY_MS).toISOString();
export const dateBefore = (at: string, n: number): string => dateAfter(at, -n);
