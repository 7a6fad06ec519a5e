import { gunzip, gzip } from 'node:zlib';
import { zlibCompression, type Compression } from '../../../shared/sync';

/** Envelope compression on Node: zlib on the thread pool (see zlibCompression). */
export function nodeCompression(): Compression {
  return zlibCompression({ gzip, gunzip });
}
