import { acceptedDocumentTypes, MAX_DOCUMENT_BYTES } from '../../../../shared/domain/document';

export type AcceptedType = (typeof acceptedDocumentTypes)[number];

const byExtension: Record<string, AcceptedType> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/** The file's type as the core accepts it, from the browser's type or else the name's extension. */
export function acceptedTypeOf(file: { name: string; type: string }): AcceptedType | null {
  const declared = acceptedDocumentTypes.find((type) => type === file.type);
  if (declared) return declared;
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return file.type === '' ? (byExtension[extension] ?? null) : null;
}

/** Checked before reading: the same limit the core applies, so a 40 MB scan is not read at all. */
export function isTooLarge(file: { size: number }): boolean {
  return file.size > MAX_DOCUMENT_BYTES;
}

/** The file as base64, read by the browser itself (a data: URL without its prefix). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : '';
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** base64 from the core → bytes, for a blob: URL or for pdf.js. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
