import type { Core } from '../../../../electron/core/index';
import type { Db } from '../../../../electron/core/db-types';
import type { Workspace } from '../../../../electron/core/session/session';
import { latestSchemaVersion } from '../../../../electron/core/migrations/index';
import { databasePath } from '../../../../electron/core/profiles/paths';
import { loadClock } from '../../../../electron/core/store/meta';
import { openEncryptedDatabase } from '../../../../electron/core/store/open-db';
import type { EntityDefinition, RowValues } from '../../../../electron/core/write/entities';
import { writeEntity, type WriteContext } from '../../../../electron/core/write/write-path';
import type { PersonInput } from '../../../../shared/domain/person';
import { uuidv7 } from '../../../../shared/ids';
import { call, createProfile, databaseKey, FakeClock, makeCore, password, samplePerson, tempDir, userName } from '../../core/helpers';

/**
 * A core on a real encrypted profile, plus a second connection to the same file ("beside the
 * core") to plant rows of other areas (goals, tasks) through the real write path and to read
 * raw rows and the audit log.
 */
export interface CaseHarness {
  readonly core: Core;
  readonly clock: FakeClock;
  readonly db: Db;
  readonly profileId: string;
  close(): void;
}

/** 14 March 2025, 09:30 UTC: that calendar day in every zone from UTC−9 to UTC+14. */
export const startMs = Date.UTC(2025, 2, 14, 9, 30);
export const today = '2025-03-14';
export const day = 24 * 60 * 60 * 1000;

/** The answers that make the starting criteria hold for samplePerson() (arrived 2023, Gestattung). */
export const allYes = { no_other_cm: true, multiple_domains: true } as const;

export async function caseHarness(clock = new FakeClock(startMs)): Promise<CaseHarness> {
  const { dir, cleanup } = tempDir();
  const core = makeCore(dir, clock);
  const profileId = await createProfile(core);
  const key = await databaseKey(dir, profileId);
  const db = openEncryptedDatabase(databasePath(dir, profileId), key);
  key.fill(0);
  return {
    core,
    clock,
    db,
    profileId,
    close() {
      db.close();
      core.close();
      cleanup();
    },
  };
}

export async function newPerson(h: CaseHarness, overrides: Partial<PersonInput> = {}): Promise<string> {
  return (await call(h.core, 'persons.create', samplePerson(overrides))).id;
}

/** A person and an open case whose target-group check was met. */
export async function personWithCase(h: CaseHarness): Promise<{ personId: string; caseId: string }> {
  const personId = await newPerson(h);
  const opened = await call(h.core, 'cases.open', { personId, answers: allYes });
  return { personId, caseId: opened.id };
}

/** Moves the clock by days; the core's idle backstop locks meanwhile, so unlock again. */
export async function advanceDays(h: CaseHarness, days: number): Promise<void> {
  h.clock.advance(days * day);
  await call(h.core, 'session.unlock', { profileId: h.profileId, password });
}

/** A workspace on the side connection, for core functions other modules import directly. */
export function sideWorkspace(h: CaseHarness): Workspace {
  return {
    profile: { id: h.profileId, name: 'Büro Mettmann', userName, createdAt: new Date(startMs).toISOString() },
    db: h.db,
    clock: loadClock(h.db, h.clock.now),
    now: h.clock.now,
  };
}

function sideWriteContext(h: CaseHarness): WriteContext {
  return { db: h.db, clock: loadClock(h.db, h.clock.now), actor: userName, now: h.clock.now, schemaVersion: latestSchemaVersion };
}

/** A row of another area (goal, task …) written beside the core through the real write path. */
export function plant(h: CaseHarness, entity: EntityDefinition, values: RowValues): string {
  const id = uuidv7(h.clock.now());
  writeEntity(sideWriteContext(h), { entity, kind: 'create', rowId: id, values });
  return id;
}

export function rowOf(h: CaseHarness, table: string, id: string): RowValues {
  return h.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as RowValues;
}

export function rowsOf(h: CaseHarness, table: string, where: string, ...params: unknown[]): RowValues[] {
  return h.db.prepare(`SELECT * FROM ${table} WHERE ${where} ORDER BY created_at, id`).all(...params) as RowValues[];
}

export interface AuditRow {
  seq: number;
  actor: string;
  action: string;
  entity: string;
  row_id: string;
  details: string;
}

/** Audit entries after `afterSeq`, in order. */
export function auditSince(h: CaseHarness, afterSeq: number): AuditRow[] {
  return h.db
    .prepare('SELECT seq, actor, action, entity, row_id, details FROM audit_log WHERE seq > ? ORDER BY seq')
    .all(afterSeq) as AuditRow[];
}

export function lastAuditSeq(h: CaseHarness): number {
  return (h.db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM audit_log').get() as { seq: number }).seq;
}
