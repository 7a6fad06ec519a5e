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
