import { KimError } from '../../../../shared/ipc/errors';
import { MAX_DOCUMENT_BYTES, type acceptedDocumentTypes } from '../../../../shared/domain/document';

/**
 * The checks a file passes before anything of it is stored: canonical base64, the size limit
 * (with a message that says how large the file is), and content that really is what its type
 * claims — a renamed .exe is not a PDF.
 */
type DocumentMime = (typeof acceptedDocumentTypes)[number];

const mebibyte = 1024 * 1024;

/** "17,3" — one decimal, German comma, rounded up so that a file just over the limit never reads "15,0". */
export function megabytesText(bytes: number): string {
  return (Math.ceil((bytes / mebibyte) * 10) / 10).toFixed(1).replace('.', ',');
}

export function tooLargeMessage(bytes: number): string {
  return `Die Datei ist ${megabytesText(bytes)} MB groß; erlaubt sind höchstens ${MAX_DOCUMENT_BYTES / mebibyte} MB.`;
}

/** Bytes the base64 text decodes to, computed from its length (before decoding anything). */
export function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;
const unreadableMessage = 'Die Datei konnte nicht gelesen werden (ungültige Übertragung). Bitte wählen Sie sie erneut aus.';

/**
 * Strict base64: only the standard alphabet, correct padding, and the canonical form (Node's
 * decoder silently skips anything it does not understand; we would store a different file).
 */
export function decodeDocument(base64: string): Buffer {
  if (base64.length === 0) throw new KimError('UNSUPPORTED_FILE', 'Die Datei ist leer.');
  if (base64.length % 4 !== 0 || !base64Pattern.test(base64)) {
    throw new KimError('UNSUPPORTED_FILE', unreadableMessage);
  }
  const size = decodedLength(base64);
  if (size > MAX_DOCUMENT_BYTES) throw new KimError('TOO_LARGE', tooLargeMessage(size));
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== size || bytes.toString('base64') !== base64) throw new KimError('UNSUPPORTED_FILE', unreadableMessage);
  return bytes;
}

const typeLabels: Record<DocumentMime, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

const signatures: Record<DocumentMime, readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

export function requireMatchingType(bytes: Buffer, mimeType: DocumentMime): void {
  const signature = signatures[mimeType];
  if (bytes.length < signature.length || signature.some((byte, index) => bytes[index] !== byte)) {
    throw new KimError(
      'UNSUPPORTED_FILE',
      `Der Inhalt der Datei ist kein ${typeLabels[mimeType]}. Erlaubt sind PDF-, JPEG- und PNG-Dateien; bitte wählen Sie die richtige Datei.`,
    );
  }
}
