import type { Line, Section } from '../text.js';
import type { Field, Source } from '../types.js';

export const sourceOf = (line: Line | undefined, text?: string): Source | null =>
  line ? { text: (text ?? line.text).replace(/\t/g, ' ').slice(0, 300), page: line.page } : null;

export const field = <T>(value: T, confidence: number, source: Source | null): Field<T> =>
  ({ value, confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100, source });

/** Lines where the candidate's own details live: everything except the referees' section. */
export const ownLines = (secs: Section[]): Line[] => secs.filter((s) => s.kind !== 'references').flatMap((s) => s.lines);
