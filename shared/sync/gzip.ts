import { asBufferSource, concatBytes } from './encoding';

/**
 * Gzip through the Compression Streams API (browser, Node ≥ 18). Injectable, so a host without
 * it can pass its own. Gunzip stops at a byte limit: a 2 MB envelope must not inflate to 2 GB.
 */
export interface Compression {
  gzip(data: Uint8Array): Promise<Uint8Array>;
  gunzip(data: Uint8Array, maxBytes: number): Promise<Uint8Array>;
}

export class DecompressedTooLargeError extends Error {
  constructor() {
    super('Entpackte Daten überschreiten die Größengrenze');
    this.name = 'DecompressedTooLargeError';
  }
}

async function readAll(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new DecompressedTooLargeError();
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
}

function pipe(data: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  const source = new Blob([asBufferSource(data)]).stream();
  return source.pipeThrough(transform) as ReadableStream<Uint8Array>;
}

export const streamCompression: Compression = {
  gzip: (data) => readAll(pipe(data, new CompressionStream('gzip')), Number.MAX_SAFE_INTEGER),
  gunzip: (data, maxBytes) => readAll(pipe(data, new DecompressionStream('gzip')), maxBytes),
};

type ZlibCallback = (error: Error | null, result: Uint8Array) => void;

/** The two functions of Node's `node:zlib` this needs; passed in, because shared/ runs in browsers too. */
export interface ZlibFunctions {
  gzip(data: Uint8Array, options: { level: number }, callback: ZlibCallback): void;
  gunzip(data: Uint8Array, options: { maxOutputLength: number }, callback: ZlibCallback): void;
}

/**
 * Gzip through Node's zlib instead of the web Compression Streams: several times faster for a
 * pull page, and the work runs on libuv's thread pool, off the event loop. Gunzip stops at the
 * same limit as `streamCompression` (zlib raises a RangeError past `maxOutputLength`).
 */
export function zlibCompression(zlib: ZlibFunctions, level = -1): Compression {
  const bytes = (result: Uint8Array) => new Uint8Array(result.buffer, result.byteOffset, result.byteLength);
  return {
    gzip: (data) =>
      new Promise((resolve, reject) => zlib.gzip(data, { level }, (error, result) => (error ? reject(error) : resolve(bytes(result))))),
    gunzip: (data, maxBytes) =>
      new Promise((resolve, reject) =>
        zlib.gunzip(data, { maxOutputLength: Math.max(1, Math.min(maxBytes, 2 ** 31 - 1)) }, (error, result) => {
          if (error) reject(error instanceof RangeError ? new DecompressedTooLargeError() : error);
          else resolve(bytes(result));
        }),
      ),
  };
}
