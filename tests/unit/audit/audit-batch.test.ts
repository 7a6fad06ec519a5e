import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendAudit,
  appendAuditBatch,
  entryHash,
  genesisHash,
  verifyAuditChain,
  type AuditAction,
  type AuditEntry,
} from '../../../electron/core/audit/audit-log';
import type { Db } from '../../../electron/core/db-types';
import { openEncryptedDatabase } from '../../../electron/core/store/open-db';
import { canonicalJson } from '../../../electron/core/util/canonical-json';

/**
 * The chain as it was defined before the batch path and the written-out canonical JSON: a link
 * is sha256(prevHash ‖ canonicalJson({ seq, at, actor, action, entity, rowId, details })), and
 * the row stores canonicalJson(details). Both paths must produce these bytes exactly, or every
 * store written before would fail verification.
 */
type LooseEntry = Omit<AuditEntry, 'details'> & { details: unknown };

function referenceHash(prevHash: string, seq: number, entry: LooseEntry): string {
  const body = canonicalJson({
    seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    rowId: entry.rowId,
    details: entry.details,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

function referenceAppend(db: Db, entry: AuditEntry): void {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? genesisHash;
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor, action, entity, row_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(seq, entry.at, entry.actor, entry.action, entry.entity, entry.rowId, canonicalJson(entry.details), prevHash, referenceHash(prevHash, seq, entry));
}

const actions: AuditAction[] = ['create', 'update', 'delete', 'read', 'export', 'sync', 'purge', 'consent_override'];

/** Varied entries: every action, every details shape, names with quotes, umlauts, controls. */
function entries(count: number, salt = 0): AuditEntry[] {
  const fieldSets: AuditEntry['details'][] = [
    {},
    { fields: [] },
    { fields: ['phone'] },
    { fields: ['phone', 'address'] },
    { fields: ['address', 'birth_date', 'family_name', 'given_names'] },
    { partnerId: 'partner-7' },
    { fields: ['referral'], partnerId: 'partner-"9"' },
  ];
  const actors = ['Synchronisation', 'Erika Beispiel', 'Jürgen "Jo" Groß', 'Tab\there\nnewline \u2028 \\ /', 'مريم'];
  return Array.from({ length: count }, (_, i) => ({
    at: new Date(Date.UTC(2025, 0, 1) + (i + salt) * 1_000).toISOString(),
    actor: actors[(i + salt) % actors.length]!,
    action: actions[(i + salt) % actions.length]!,
    entity: (i + salt) % 3 === 0 ? 'persons' : 'cases',
    rowId: `0190a000-0000-7000-8000-${(i + salt).toString(16).padStart(12, '0')}`,
    details: fieldSets[(i + salt) % fieldSets.length]!,
  }));
}

describe('audit entry hash', () => {
  it('is byte-identical to the generic canonical JSON for every shape, typical or not', () => {
    const odd: LooseEntry[] = [
      ...entries(40),
      // key order of the caller does not matter
      { at: 'a', actor: 'b', action: 'read', entity: 'e', rowId: 'r', details: { partnerId: 'p', fields: ['x', 'y'] } },
      // undefined keys are dropped, as canonicalJson drops them
      { at: 'a', actor: 'b', action: 'read', entity: 'e', rowId: 'r', details: { fields: undefined, partnerId: 'p' } },
      // shapes read back from a damaged row take the generic path
      { at: 'a', actor: 'b', action: 'read', entity: 'e', rowId: 'r', details: { other: 1, fields: ['x'] } },
      { at: 'a', actor: 'b', action: 'read', entity: 'e', rowId: 'r', details: { fields: ['x', 2, null] } },
      { at: 'a', actor: 'b', action: 'read', entity: 'e', rowId: 'r', details: { fields: 'x', partnerId: 3 } },
      { at: 'a', actor: 'b', action: 'read', entity: 'e', rowId: 'r', details: ['fields'] },
      { at: 'a', actor: 'b', action: 'read', entity: 'e', rowId: 'r', details: null },
      { at: 'a', actor: 'b', action: 'read', entity: 'e', rowId: 'r', details: 'text' },
      { at: 'a', actor: 'b', action: 'read', entity: 'e', rowId: 'r', details: { z: { b: 1, a: [{ d: 2, c: 3 }] } } },
      { at: 'a', actor: 42 as unknown as string, action: 'read', entity: 'e', rowId: 'r', details: {} },
      { at: 'a', actor: 'b', action: 'read', entity: 'e', rowId: undefined as unknown as string, details: {} },
      { at: '\ud800 lone surrogate', actor: '', action: 'read', entity: '', rowId: '', details: { fields: ['\u0000'] } },
    ];
    for (const [i, entry] of odd.entries()) {
      for (const seq of [1, i + 2, 123_456_789]) {
        const prev = i % 2 === 0 ? genesisHash : referenceHash(genesisHash, 1, entry);
        expect(entryHash(prev, seq, entry), `entry ${i}, seq ${seq}`).toBe(referenceHash(prev, seq, entry));
      }
    }
  });
});

describe('appendAuditBatch', () => {
  let dir: string;
  const opened: Db[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kim-audit-'));
  });
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function freshStore(name: string): Db {
    const db = openEncryptedDatabase(join(dir, `${name}.db`), randomBytes(32));
    opened.push(db);
    return db;
  }

  function auditRows(db: Db): unknown[] {
    return db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
  }

  // Batches of every size a page gives: empty, one, short, and longer ones after a chain exists.
  const batches = [entries(5, 0), [], entries(1, 5), entries(63, 6), entries(64, 69), entries(65, 133), entries(200, 198)];

  it('writes the same rows as appendAudit per entry and as the chain was defined', () => {
    const single = freshStore('single');
    const batched = freshStore('batched');
    const reference = freshStore('reference');
    for (const batch of batches) {
      single.transaction(() => batch.forEach((entry) => appendAudit(single, entry)))();
      batched.transaction(() => appendAuditBatch(batched, batch))();
      reference.transaction(() => batch.forEach((entry) => referenceAppend(reference, entry)))();
    }
    const expected = auditRows(reference);
    expect(expected).toHaveLength(398);
    expect(auditRows(single)).toEqual(expected);
    expect(auditRows(batched)).toEqual(expected);
    for (const db of [single, batched]) expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 398, firstBrokenSeq: null });
  });

  it('continues a chain that single appends began, and single appends continue it', () => {
    const mixed = freshStore('mixed');
    const reference = freshStore('reference');
    const all = entries(150, 7);
    mixed.transaction(() => {
      expect(appendAudit(mixed, all[0]!)).toBe(1);
      appendAuditBatch(mixed, all.slice(1, 140));
      expect(appendAudit(mixed, all[140]!)).toBe(141);
      appendAuditBatch(mixed, all.slice(141));
    })();
    reference.transaction(() => all.forEach((entry) => referenceAppend(reference, entry)))();
    expect(auditRows(mixed)).toEqual(auditRows(reference));
  });

  it('leaves nothing behind when its transaction rolls back', () => {
    const db = freshStore('rollback');
    appendAuditBatch(db, entries(3));
    expect(() =>
      db.transaction(() => {
        appendAuditBatch(db, entries(100, 3));
        throw new Error('the change it records failed');
      })(),
    ).toThrow('the change it records failed');
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 3, firstBrokenSeq: null });
  });

  it('a tampered entry written by a batch is still found by its seq', () => {
    const db = freshStore('tamper');
    db.transaction(() => appendAuditBatch(db, entries(130)))();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET details = '{\"fields\":[\"phone\"]}' WHERE seq = 70").run();
    expect(verifyAuditChain(db)).toEqual({ ok: false, entries: 130, firstBrokenSeq: 70 });
  });
});
