import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../server/src/admin/duration';
import { defaultRateLimits, RateLimiter } from '../../../server/src/http/rate-limit';
import { DOCUMENT_CHUNK_BYTES, MAX_DOCUMENT_BYTES } from '../../../shared/domain/document';
import { loadOrCreateIdentity } from '../../../server/src/identity/store';
import { generateEnrollmentCode, hashEnrollmentCode, normalizeEnrollmentCode } from '../../../server/src/sync/enrollment-codes';

describe('server building blocks', () => {
  it('two instances starting at once end up with one identity, mode 0600', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kim-identity-'));
    try {
      const path = join(dir, 'nested', 'server-identity.json');
      const [a, b] = await Promise.all([loadOrCreateIdentity(path), loadOrCreateIdentity(path)]);
      expect(a.file.keys[0]!.keyId).toBe(b.file.keys[0]!.keyId);
      expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rate limiter: a burst, then one token per refill interval', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 1 }, () => now);
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 0]);
    expect(limiter.take('a')).toBe(1000);
    expect(limiter.take('b')).toBe(0);
    now = 1000;
    expect(limiter.take('a')).toBe(0);
  });

  it('enrollment codes read forgivingly and hash alike', () => {
    const code = generateEnrollmentCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normalizeEnrollmentCode(' ab1o-il ')).toBe('AB10' + '11');
    expect(hashEnrollmentCode(code.toLowerCase().replace(/-/g, ' '))).toBe(hashEnrollmentCode(code));
  });

  it('durations', () => {
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(() => parseDuration('0h')).toThrow(/Ungültige Dauer/);
    expect(() => parseDuration('1w')).toThrow();
  });

  it('lets the largest document through in one burst of its own bucket, apart from push and pull', () => {
    const chunksOfLargest = Math.ceil(MAX_DOCUMENT_BYTES / DOCUMENT_CHUNK_BYTES);
    expect(defaultRateLimits.documentsPerDevice.capacity).toBeGreaterThanOrEqual(chunksOfLargest);
    // the per-IP budget sits in front of every route: it must not be the one that trips first
    expect(defaultRateLimits.perIp.capacity).toBeGreaterThanOrEqual(chunksOfLargest);
    const t = 0;
    const documents = new RateLimiter(defaultRateLimits.documentsPerDevice, () => t);
    const sync = new RateLimiter(defaultRateLimits.perDevice, () => t);
    for (let i = 0; i < chunksOfLargest; i++) expect(documents.take('device')).toBe(0);
    expect(sync.take('device')).toBe(0);
  });
});
