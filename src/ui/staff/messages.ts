// A refusal or validation message as staff read it: event types and payload paths the machine
// names ("(references.concernReviewed)", "documents.0.expiresOn") become the words on the page.
import { eventCatalog } from '../../../workflows/events/index.js';
import { labelOf } from './field-words.js';

const singular: Record<string, string> = { documents: 'Document', referees: 'Referee', gaps: 'Gap' };

/** `documents.0.expiresOn` → "Document 1, expiry date"; `scores.compassion` → "Compassion". */
export function pathWords(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next) && singular[p]) { out.push(`${singular[p]} ${Number(next) + 1}`); i++; continue; }
    if (/^\d+$/.test(p)) continue;
    out.push(out.length ? labelOf(p).toLowerCase() : labelOf(p));
  }
  return out.join(', ');
}

export function staffMessage(text: string): string {
  return text
    .replace(/\(([a-z][A-Za-z]*\.[a-z][A-Za-z]*)\)/g, (m, type: string) => (eventCatalog[type] ? `(“${eventCatalog[type]!.label}”)` : m))
    .replace(/\b((?:documents|referees|gaps|scores|valueScores)\.[\w.]+|[a-z]+[A-Z][A-Za-z]*)(?=:)/g, (m) => pathWords(m));
}

/** Zod's defaults in plain words. */
export function issueWords(message: string): string {
  if (/received undefined/.test(message)) return 'fill this in';
  if (/^Invalid option/.test(message)) return 'choose one of the options';
  if (/expected number/.test(message)) return 'enter a number';
  if (/Too small: expected number to be >=(\d+)/.test(message)) return message.replace(/Too small: expected number to be >=(\d+)/, 'enter $1 or more');
  if (/Too big: expected number to be <=(\d+)/.test(message)) return message.replace(/Too big: expected number to be <=(\d+)/, 'enter $1 or less');
  if (/Invalid ISO date/.test(message)) return 'enter a date';
  if (/Invalid email/.test(message)) return 'enter an email address';
  return message;
}
