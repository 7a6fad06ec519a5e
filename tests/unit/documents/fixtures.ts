import { createHash, randomBytes } from 'node:crypto';

/** A marker no database page, key or header contains by chance: found in raw bytes only if stored in plaintext. */
export const pdfMarker = 'Schweigepflichtentbindung-Quxtrablinsky-4711';

/**
 * A "PDF" of exactly `size` bytes: the real header (the type check reads it), the marker near
 * the start and at the end, random bytes between (incompressible, so no layer shrinks it away).
 */
export function fakePdf(size: number): Buffer {
  const head = Buffer.from(`%PDF-1.7\n% ${pdfMarker}\n`, 'latin1');
  const tail = Buffer.from(`\n% ${pdfMarker}\n%%EOF\n`, 'latin1');
  if (size < head.length + tail.length) throw new Error('fakePdf: too small');
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
}

export const pngHeader = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function fakePng(size: number): Buffer {
  return Buffer.concat([pngHeader, randomBytes(size - pngHeader.length)]);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
