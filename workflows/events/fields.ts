// Payload field schemas shared by many events.
import { z } from 'zod';
import { DAY_MS } from '../policy.js';

export const reason = z.string().trim().min(1).max(2000);
export const note = z.string().trim().max(2000).optional();
export const shortText = z.string().trim().min(1).max(200);
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });
export const email = z.email().max(320);
/** The day it happened (see workflows/when.ts): today when left out, so staff can record late. */
export const occurredOn = isoDate.optional();

export const none = z.strictObject({});
export const withNote = z.strictObject({ note });
export const withReason = z.strictObject({ reason });
/** Something that happened: when, and an optional note. */
export const happenedWithNote = z.strictObject({ occurredOn, note });

/** `at` plus n days, as a date or a date-time: examples are always valid relative to now. */
export const dateAfter = (at: string, n: number): string => new Date(Date.parse(at) + n * DAY_MS).toISOString().slice(0, 10);
export const dateTimeAfter = (at: string, n: number): string => new Date(Date.parse(at) + n * DAY_MS).toISOString();
export const dateBefore = (at: string, n: number): string => dateAfter(at, -n);

/** Values-based recruitment: a 1–5 score against each of the six NHS Constitution values. */
const valueScore = z.number().int().min(1).max(5);
export const nhsValueScores = z.strictObject({
  workingTogether: valueScore, respectAndDignity: valueScore, commitmentToQuality: valueScore,
  compassion: valueScore, improvingLives: valueScore, everyoneCounts: valueScore,
});
export const exampleValueScores = { workingTogether: 4, respectAndDignity: 5, commitmentToQuality: 4, compassion: 5, improvingLives: 4, everyoneCounts: 4 };
