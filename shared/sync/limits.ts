/**
 * Protocol limits. Both ends use the same numbers: the device splits its outbox so that no batch
 * exceeds them, and the server refuses anything larger before it spends work on it.
 */
export const PROTOCOL_VERSION = 1;

/** Changes per push batch: a busy day (2,000 field changes) goes in one round trip; the byte cap below still splits large values. */
export const MAX_CHANGES_PER_BATCH = 2000;
/** Uncompressed JSON bytes of one push batch or pull page (and the gunzip limit). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** JSON bytes of one field value: long notes fit, attachments do not travel this way. */
export const MAX_VALUE_BYTES = 128 * 1024;
/** HTTP body of an envelope: base64url (4/3) of a gzip that never grows much beyond the input. */
export const MAX_ENVELOPE_BYTES = Math.ceil(((MAX_BODY_BYTES + 64 * 1024) * 4) / 3) + 16 * 1024;

/**
 * Items (changes and purges) per pull page. A grouped page carries ~100 bytes per change, so a
 * first pull of 390,000 changes takes ~40 pages; the server's byte budget (MAX_BODY_BYTES) still
 * ends a page early where values are large. Pushes keep MAX_CHANGES_PER_BATCH.
 */
export const DEFAULT_PULL_LIMIT = 10_000;
export const MAX_PULL_LIMIT = 10_000;

/** The server refuses HLC stamps further ahead of its own clock than this. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

export const MAX_ID_LENGTH = 64;
export const MAX_NAME_LENGTH = 64;
