import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { uuidv7 } from '../../../../shared/ids';
import type { Workspace } from '../../../../electron/core/session/session';
import { writeContextOf } from '../../../../electron/core/services/write-context';
import { ensureMeta, loadClock } from '../../../../electron/core/store/meta';
import { openEncryptedDatabase } from '../../../../electron/core/store/open-db';
import {
  casesEntity,
  consentsEntity,
  contactsEntity,
  deadlinesEntity,
  goalsEntity,
  personsEntity,
  type EntityDefinition,
  type RowValues,
} from '../../../../electron/core/write/entities';
import { writeEntity } from '../../../../electron/core/write/write-path';
import { FakeClock, tempDir, userName } from '../../core/helpers';

/**
 * A real encrypted store with a workspace around it, for the task services: rows are written
 * straight through the write path (the services of the other areas are not needed for facts).
 */
export interface TaskWorld {
  readonly ws: Workspace;
  readonly clock: FakeClock;
  close(): void;
}

export function openWorld(clock = new FakeClock()): TaskWorld {
  const { dir, cleanup } = tempDir();
  const db = openEncryptedDatabase(join(dir, 'tasks.db'), randomBytes(32));
  ensureMeta(db, clock.now);
  const ws: Workspace = {
    profile: { id: 'p1', name: 'Büro Mettmann', userName, createdAt: new Date(clock.ms).toISOString() },
    db,
    clock: loadClock(db, clock.now),
    now: clock.now,
  };
  return {
    ws,
    clock,
    close() {
      db.close();
      cleanup();
    },
  };
}

export function write(ws: Workspace, entity: EntityDefinition, values: RowValues, rowId = uuidv7(ws.now())): string {
  writeEntity(writeContextOf(ws), { entity, kind: 'create', rowId, values });
  return rowId;
}

export function update(ws: Workspace, entity: EntityDefinition, rowId: string, values: RowValues): void {
  writeEntity(writeContextOf(ws), { entity, kind: 'update', rowId, values });
}

export function addPerson(ws: Workspace, validUntil?: string, familyName = 'Haidari'): string {
  return write(ws, personsEntity, {
    team_id: null,
    family_name: familyName,
    given_names: 'Farid',
    other_spellings: '[]',
    birth_date: JSON.stringify({ kind: 'year', year: 1990 }),
    gender: 'maennlich',
    nationalities: '["AF"]',
    languages: '[]',
    residence: JSON.stringify(validUntil ? { status: 'duldung', validUntil } : { status: 'duldung' }),
  });
}

export function addCase(ws: Workspace, personId: string, values: RowValues = {}): string {
  return write(ws, casesEntity, {
    team_id: null,
    person_id: personId,
    phase: 'clearing',
    case_manager: userName,
    opened_at: '2025-03-01',
    closed_at: null,
    last_contact_at: '2025-03-10',
    ...values,
  });
}

export function addConsent(ws: Workspace, personId: string, validUntil: string, values: RowValues = {}): string {
  return write(ws, consentsEntity, {
    person_id: personId,
    purpose: 'schweigepflichtentbindung',
    recipient_partner_id: 'jobcenter',
    recipient_name: 'Jobcenter',
    given_at: '2024-04-01',
    form: 'schriftlich',
    valid_until: validUntil,
    withdrawn_at: null,
    recorded_by: userName,
    ...values,
  });
}

export function addGoal(ws: Workspace, personId: string, caseId: string, dueAt: string, status = 'offen'): string {
  return write(ws, goalsEntity, {
    person_id: personId,
    case_id: caseId,
    life_domain: 'sprache',
    description: 'B1-Kurs abschließen',
    agreed_at: '2025-01-10',
    due_at: dueAt,
    status,
  });
}

export function addDeadline(ws: Workspace, personId: string, caseId: string, kind: string, dueAt: string): string {
  return write(ws, deadlinesEntity, { person_id: personId, case_id: caseId, kind, due_at: dueAt, done_at: null });
}

export function addContact(ws: Workspace, personId: string, caseId: string, contactDate: string): string {
  return write(ws, contactsEntity, {
    person_id: personId,
    case_id: caseId,
    contact_date: contactDate,
    duration_minutes: 30,
    mode: 'persoenlich',
    participants: '[]',
    interpreter: null,
    topics: '[]',
    created_by: userName,
  });
}

export function taskRow(ws: Workspace, id: string): RowValues | undefined {
  return ws.db.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as RowValues | undefined;
}

export function ruleTaskRows(ws: Workspace): RowValues[] {
  return ws.db.prepare("SELECT * FROM tasks WHERE source = 'rule' ORDER BY rule, due_at").all() as RowValues[];
}
