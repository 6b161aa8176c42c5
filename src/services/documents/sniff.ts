// What a file is, judged from its first bytes (the magic numbers), never from its name or the
// type the browser claimed: a renamed executable is refused whatever it is called.
export type DocumentType = 'application/pdf' | 'image/jpeg' | 'image/png';

const starts = (bytes: Uint8Array, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

export const extensionOf: Record<DocumentType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
