// Every value that goes into an email header (subject, sender, recipient, an attachment's or an
// invitation's name) is one line of printable text: a CR/LF in a candidate's name would otherwise
// end the header and start another (a Bcc, a second body).

/** The value on one line: control characters and line separators become a space. */
export const headerValue = (value: string): string =>
  value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
