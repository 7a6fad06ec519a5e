import { z } from 'zod';
import { idSchema, requiredText } from './common';

/** Scans and PDFs attached to a person, a case, a consent or a contact. */
export const MAX_DOCUMENT_BYTES = 15 * 1024 * 1024;
/** content is stored and synced in chunks of this size; an interrupted upload resumes per chunk */
export const DOCUMENT_CHUNK_BYTES = 256 * 1024;
export const acceptedDocumentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const documentMimeSchema = z.enum(acceptedDocumentTypes, { message: 'Nur PDF, JPEG oder PNG' });

export const documentOwnerKindSchema = z.enum(['person', 'case', 'consent', 'contact']);
export type DocumentOwnerKind = z.infer<typeof documentOwnerKindSchema>;

/**
 * The IPC input takes files up to four times the limit, so that the core can refuse a file over
 * the limit with its exact size (TOO_LARGE: "Die Datei ist 17,3 MB groß; …"); beyond that the
 * input itself is refused before it is decoded.
 */
const maxBase64Chars = Math.ceil((4 * MAX_DOCUMENT_BYTES) / 3) * 4;

export const addDocumentInputSchema = z.object({
  personId: idSchema,
  ownerKind: documentOwnerKindSchema,
  ownerId: idSchema,
  fileName: requiredText(200),
  mimeType: documentMimeSchema,
  /** the file, base64; over the limit it is refused with TOO_LARGE before anything is stored */
  dataBase64: z.string().max(maxBase64Chars, 'Die Datei ist größer als 60 MB; erlaubt sind höchstens 15 MB.'),
});

export const documentSchema = z.object({
  id: idSchema,
  personId: idSchema,
  ownerKind: documentOwnerKindSchema,
  ownerId: idSchema,
  fileName: z.string(),
  mimeType: documentMimeSchema,
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
  /** the content is on this device (false: metadata synced, content still on its way) */
  contentAvailable: z.boolean(),
});
export type DocumentInfo = z.infer<typeof documentSchema>;

export const documentContentSchema = z.object({
  id: idSchema,
  mimeType: documentMimeSchema,
  fileName: z.string(),
  dataBase64: z.string(),
});
