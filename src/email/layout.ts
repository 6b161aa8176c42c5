// One description of an email renders both its plain-text and its HTML part. Every value that
// came from a person (names, notes, places) is escaped in the HTML, so nothing typed into a form
// can inject markup.

export interface EmailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** A short list, e.g. what to bring to an appointment. */
  list?: string[];
  action?: { label: string; url: string };
  signOff?: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const FOOTER = 'You are receiving this because you applied to, or are involved in an application to, our NHS staff bank.';

export function renderText(c: EmailContent): string {
  const parts = [c.greeting, '', ...c.paragraphs.flatMap((p) => [p, ''])];
  if (c.list?.length) parts.push(...c.list.map((i) => `- ${i}`), '');
  if (c.action) parts.push(`${c.action.label}: ${c.action.url}`, '');
  parts.push(c.signOff ?? 'The Staff Bank Recruitment Team', '', '--', FOOTER);
  return parts.join('\n');
}

export function renderHtml(c: EmailContent): string {
  const p = (t: string) => `<p style="margin:0 0 16px">${escapeHtml(t)}</p>`;
  const list = c.list?.length ? `<ul style="margin:0 0 16px;padding-left:20px">${c.list.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : '';
  const action = c.action
    ? `<p style="margin:0 0 24px"><a href="${escapeHtml(c.action.url)}" style="background:#005eb8;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px;display:inline-block">${escapeHtml(c.action.label)}</a></p>`
    : '';
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(c.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f0f4f5;font-family:Arial,Helvetica,sans-serif;color:#212b32;font-size:16px;line-height:1.5">',
    '<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-top:4px solid #005eb8">',
    p(c.greeting), ...c.paragraphs.map(p), list, action,
    p(c.signOff ?? 'The Staff Bank Recruitment Team'),
    `<p style="margin:24px 0 0;font-size:13px;color:#4c6272">${escapeHtml(FOOTER)}</p>`,
    '</div></body></html>',
  ].join('');
}
