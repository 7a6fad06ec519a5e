import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditBatch, type AuditEntry } from '../../../electron/core/audit/audit-log';
import type { Db } from '../../../electron/core/db-types';
import { openEncryptedDatabase } from '../../../electron/core/store/open-db';
import { nextAuditSlice } from '../../../electron/core/sync/audit-upload';
import { MAX_BODY_BYTES } from '../../../shared/sync';
import { auditUploadSchema, MAX_AUDIT_ENTRIES_PER_UPLOAD } from '../../../shared/sync/audit-protocol';

/**
 * How the device cuts its audit log into uploads (electron/core/sync/audit-upload.ts): in
 * order, from the first entry not confirmed, as many as the count limit and the body budget
 * allow — measured as the upload really travels (UTF-8 JSON), so the server never refuses a
 * slice as too large — and the server's own schema accepts every slice.
 */
const deviceId = '0190a6f1-7c2e-7a10-8b3c-1234567890ab';

function entry(i: number, fields: readonly string[], actor = 'Synchronisation'): AuditEntry {
  return { at: new Date(1_700_000_000_000 + i).toISOString(), actor, action: 'sync', entity: 'persons', rowId: `0190a6f1-7c2e-7a10-8b3c-${String(i).padStart(12, '0')}`, details: { fields } };
}

function uploadBytes(entries: ReturnType<typeof nextAuditSlice>): number {
  return Buffer.byteLength(JSON.stringify({ type: 'audit.upload', deviceId, entries }));
}

describe('cutting the audit log into uploads', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kim-audit-slice-'));
    db = openEncryptedDatabase(join(dir, 'slice.db'), randomBytes(32));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('small entries: the count limit cuts, in order from the first entry not confirmed', () => {
    db.transaction(() => appendAuditBatch(db, Array.from({ length: MAX_AUDIT_ENTRIES_PER_UPLOAD + 10 }, (_, i) => entry(i, [], 'Nutzer'))))();
    const first = nextAuditSlice(db, 0);
    expect(first.map((e) => e.seq)).toEqual(Array.from({ length: MAX_AUDIT_ENTRIES_PER_UPLOAD }, (_, i) => i + 1));
    expect(auditUploadSchema.safeParse({ type: 'audit.upload', deviceId, entries: first }).success).toBe(true);
    expect(nextAuditSlice(db, MAX_AUDIT_ENTRIES_PER_UPLOAD).map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => MAX_AUDIT_ENTRIES_PER_UPLOAD + i + 1));
    expect(nextAuditSlice(db, MAX_AUDIT_ENTRIES_PER_UPLOAD + 10)).toEqual([]);
  });

  it('large entries (many fields, quotes to escape, umlauts): the body budget cuts, and every slice fits and is accepted', () => {
    const many = Array.from({ length: 60 }, (_, i) => `feld_mit_langem_namen_${i}`);
    db.transaction(() => appendAuditBatch(db, Array.from({ length: 4000 }, (_, i) => entry(i, many, 'Ğülşen Öztürk-Müller "Büro"'))))();
    let sent = 0;
    let uploads = 0;
    while (true) {
      const slice = nextAuditSlice(db, sent);
      if (slice.length === 0) break;
      uploads += 1;
      expect(slice[0]!.seq).toBe(sent + 1);
      expect(slice.length).toBeLessThan(MAX_AUDIT_ENTRIES_PER_UPLOAD);
      expect(uploadBytes(slice)).toBeLessThanOrEqual(MAX_BODY_BYTES);
      expect(auditUploadSchema.safeParse({ type: 'audit.upload', deviceId, entries: slice }).success).toBe(true);
      sent = slice[slice.length - 1]!.seq;
    }
    expect(sent).toBe(4000);
    expect(uploads).toBeGreaterThan(1);
  });
});
