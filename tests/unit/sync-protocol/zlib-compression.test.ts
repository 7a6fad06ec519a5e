import { gunzip, gzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DecompressedTooLargeError, streamCompression, zlibCompression } from '../../../shared/sync';

const zlib = zlibCompression({ gzip, gunzip });
const text = new TextEncoder().encode('Familienname: Al-Hassan; '.repeat(4000));

describe('zlib compression for envelopes', () => {
  it('reads what the web Compression Streams write, and the other way round', async () => {
    expect(await zlib.gunzip(await streamCompression.gzip(text), text.length)).toEqual(text);
    expect(await streamCompression.gunzip(await zlib.gzip(text), text.length)).toEqual(text);
  });

  it('refuses to inflate past the limit, with the same error as the stream version', async () => {
    const packed = await zlib.gzip(text);
    expect(packed.length).toBeLessThan(text.length / 10);
    await expect(zlib.gunzip(packed, text.length - 1)).rejects.toBeInstanceOf(DecompressedTooLargeError);
    await expect(streamCompression.gunzip(packed, text.length - 1)).rejects.toBeInstanceOf(DecompressedTooLargeError);
  });
});
