import { gunzip, gzip } from 'node:zlib';
import { zlibCompression, type Compression } from '../../../shared/sync';

/**
 * Envelope compression on Node: zlib on the thread pool (see zlibCompression), at level 1: a
 * 2,000-change pull page compresses in half the time of the default level and ~10 % larger.
 */
export function nodeCompression(): Compression {
  return zlibCompression({ gzip, gunzip }, 1);
}
