import type { Core } from '../../../../electron/core/index';
import type { Db } from '../../../../electron/core/db-types';
import { latestSchemaVersion } from '../../../../electron/core/migrations/index';
import { databasePath } from '../../../../electron/core/profiles/paths';
import { loadClock } from '../../../../electron/core/store/meta';
import { openEncryptedDatabase } from '../../../../electron/core/store/open-db';
import { casesEntity, type RowValues } from '../../../../electron/core/write/entities';
import { writeEntity, type WriteContext } from '../../../../electron/core/write/write-path';
import type { Role } from '../../../../shared/ipc/casework-contract';
import { uuidv7 } from '../../../../shared/ids';
import { call, createProfile, databaseKey, FakeClock, makeCore, password, samplePerson, tempDir, userName } from '../../core/helpers';

/**
 * A core on a real encrypted profile, plus a second connection to the same file ("beside the
 * core") for what the channels cannot do in a test: open a case without the target-group check
 * (another helper is changing cases.open), set the role the server would send, read raw rows.
 */
export interface CareHarness {
  readonly core: Core;
  readonly clock: FakeClock;
  readonly db: Db;
  readonly profileId: string;
  /** what the router noted about failures (channel and error class only) */
  readonly logs: string[];
  close(): void;
}

export async function careHarness(clock = new FakeClock()): Promise<CareHarness> {
  const { dir, cleanup } = tempDir();
  const logs: string[] = [];
  const core = makeCore(dir, clock, (line) => logs.push(line));
  const profileId = await createProfile(core);
  const key = await databaseKey(dir, profileId);
  const db = openEncryptedDatabase(databasePath(dir, profileId), key);
  key.fill(0);
  return {
    core,
    clock,
    db,
    profileId,
    logs,
    close() {
      db.close();
      core.close();
      cleanup();
    },
  };
}

/** A write context on the side connection, for rows the test plants through the real write path. */
export function sideWriteContext(h: CareHarness): WriteContext {
  return { db: h.db, clock: loadClock(h.db, h.clock.now), actor: userName, now: h.clock.now, schemaVersion: latestSchemaVersion };
}

export async function newPerson(h: CareHarness, familyName = 'Quxtrablinsky'): Promise<string> {
  const person = await call(h.core, 'persons.create', samplePerson({ familyName }));
  return person.id;
}

/** A case row written directly (phase Zugang, open), as cases.open would leave it. */
export function openTestCase(h: CareHarness, personId: string, values: Partial<RowValues> = {}): string {
  const id = uuidv7(h.clock.now());
  writeEntity(sideWriteContext(h), {
    entity: casesEntity,
    kind: 'create',
    rowId: id,
    values: {
      team_id: null,
      person_id: personId,
      phase: 'zugang',
      case_manager: userName,
      opened_at: '2025-03-01',
      closed_at: null,
      last_contact_at: null,
      ...values,
    },
  });
  return id;
}

export async function personWithCase(h: CareHarness): Promise<{ personId: string; caseId: string }> {
  const personId = await newPerson(h);
  return { personId, caseId: openTestCase(h, personId) };
}

/** What the server would tell the device at enrolment / sync. */
export function setRole(h: CareHarness, role: Role | null): void {
  h.db.prepare('UPDATE sync_state SET role = ? WHERE id = 1').run(role);
}

export function countRows(h: CareHarness, table: string): number {
  return (h.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export function rowsOf(h: CareHarness, table: string, where = '1 = 1', ...params: unknown[]): RowValues[] {
  return h.db.prepare(`SELECT * FROM ${table} WHERE ${where} ORDER BY created_at, id`).all(...params) as RowValues[];
}

export const day = 24 * 60 * 60 * 1000;

/** Moves the clock by days; the core's idle backstop locks meanwhile, so unlock again. */
export async function advanceDays(h: CareHarness, days: number): Promise<void> {
  h.clock.advance(days * day);
  await call(h.core, 'session.unlock', { profileId: h.profileId, password });
}
