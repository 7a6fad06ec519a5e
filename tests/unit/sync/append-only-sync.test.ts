import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db-types';
import { contactNotesEntity, personsEntity } from '../../../electron/core/write/entities';
import { writeEntity } from '../../../electron/core/write/write-path';
import { formatHlc } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import { backends } from '../server/harness';
import { TestDevice } from '../server/test-device';
import { personValues, writeOnDevice } from './entity-rows';
import { enroll, makeDevice, password, removeDevice, serverCount, startSyncServer, syncNow, type Device, type SyncServer } from './sync-harness';

interface NoteConflict {
  kind: string;
  field: string;
  local_value: string | null;
  remote_value: string | null;
}

/**
 * Append-only holds over sync, not only in the local write path (review H11, finding 2): a change
 * to an existing contact note from another device (an older, buggy or tampered app) is kept as a
 * conflict on the server and changes nothing; a device that is sent such a rewrite anyway (by a
 * server that took it before) keeps its note and puts the other text on the review list.
 */
describe.each(backends)('append-only rows across devices on $name', (backend) => {
  let server: SyncServer;
  let a: Device;
  let coordinator: TestDevice;
  let ratingen: string;

  beforeAll(async () => {
    server = await startSyncServer(backend);
    const aylin = await server.user('Aylin Demir', ['Ratingen']);
    const both = await server.user('Koordination', ['Ratingen', 'Mettmann']);
    ratingen = aylin.teamIds[0]!;
    a = await makeDevice('a');
    await enroll(a, server, aylin.code);
    coordinator = await TestDevice.enroll(server.server.url, both.code);
  });
  afterAll(async () => {
    if (a) removeDevice(a);
    await server?.dispose();
  });

  /** Reads from A's store (its session is closed for it and opened again after). */
  async function readA<T>(fn: (db: Db) => T): Promise<T> {
    a.close();
    try {
      return await a.read(fn);
    } finally {
      await a.call('session.unlock', { profileId: a.profileId, password });
    }
  }

  async function noteOnA(text: string): Promise<{ personId: string; noteId: string }> {
    const personId = uuidv7();
    const noteId = uuidv7();
    await writeOnDevice(a, (ctx) => {
      writeEntity(ctx, { entity: personsEntity, kind: 'create', rowId: personId, values: personValues(ratingen, 'Yilmaz') });
      writeEntity(ctx, {
        entity: contactNotesEntity,
        kind: 'create',
        rowId: noteId,
        values: { person_id: personId, contact_id: uuidv7(), version: 1, text, written_by: 'Aylin Demir', written_at: '2025-03-14T09:00:00.000Z' },
      });
    });
    expect((await syncNow(a)).lastError).toBeNull();
    return { personId, noteId };
  }

  it('a contact note (append-only) cannot be rewritten by a change from another device', async () => {
    const { noteId } = await noteOnA('Original');
    await coordinator.pullAll();
    const reply = await coordinator.push([coordinator.change({ entity: 'contact_notes', rowId: noteId, field: 'text', value: 'Umgeschrieben', teamId: ratingen })]);
    expect((await syncNow(a)).lastError).toBeNull();
    const text = await readA((db) => (db.prepare('SELECT text FROM contact_notes WHERE id = ?').get(noteId) as { text: string }).text);
    // either the server refuses the change, or the device does not apply it
    expect({ accepted: reply.ok, text }).not.toEqual({ accepted: true, text: 'Umgeschrieben' });

    // The server took the change into its log but not into the note, and kept it as a conflict.
    expect(text).toBe('Original');
    if (!reply.ok) throw new Error('push refused');
    expect(reply.value.conflicts).toMatchObject([{ entity: 'contact_notes', rowId: noteId, field: 'text', winner: 'server', serverValue: 'Original' }]);
    expect(await serverCount(server, "SELECT count(*) AS n FROM field_state WHERE entity = 'contact_notes' AND row_id = $1 AND field = 'text' AND value_json = $2", [noteId, '"Original"'])).toBe(1);
    expect(
      await serverCount(server, "SELECT count(*) AS n FROM sync_conflict WHERE entity = 'contact_notes' AND row_id = $1 AND field = 'text' AND winner = 'server' AND incoming_value_json = $2", [
        noteId,
        '"Umgeschrieben"',
      ]),
    ).toBe(1);
    // a device pulling afresh gets the original
    const fresh = await coordinator.pullAll();
    expect(fresh.changes.filter((change) => change.rowId === noteId && change.field === 'text').map((change) => change.value)).not.toContain('Umgeschrieben');
  });

  it('a device keeps its note when the server sends a rewrite anyway, and lists the other text for review', async () => {
    const { noteId } = await noteOnA('Erstfassung');
    // A server that took such a change before it refused them: its field state holds the rewrite.
    const hlc = formatHlc({ millis: Date.now() + 1000, counter: 0, deviceId: coordinator.id });
    await server.db.query(
      `UPDATE field_state SET value_json = $2, hlc = $3, device_id = $4, sync_seq = nextval('sync_seq')
       WHERE entity = 'contact_notes' AND row_id = $1 AND field = 'text'`,
      [noteId, '"Umgeschrieben"', hlc, coordinator.id],
    );
    expect((await syncNow(a)).lastError).toBeNull();
    // sent again (a row that moves team is sent afresh): still one record
    await server.db.query(`UPDATE field_state SET sync_seq = nextval('sync_seq') WHERE entity = 'contact_notes' AND row_id = $1 AND field = 'text'`, [noteId]);
    expect((await syncNow(a)).lastError).toBeNull();
    const seen = await readA((db) => ({
      text: (db.prepare('SELECT text FROM contact_notes WHERE id = ?').get(noteId) as { text: string }).text,
      conflicts: db.prepare("SELECT kind, field, local_value, remote_value FROM sync_conflict WHERE row_id = ? AND resolved_at IS NULL").all(noteId) as NoteConflict[],
    }));
    expect(seen.text).toBe('Erstfassung');
    // recorded once, though the rewrite came twice
    expect(seen.conflicts).toEqual([{ kind: 'concurrent', field: 'text', local_value: '"Erstfassung"', remote_value: '"Umgeschrieben"' }]);

    // The review entry can be closed by keeping the original; taking the rewrite is refused.
    const [conflict] = (await a.call('sync.conflicts', {})).filter((c) => c.rowId === noteId);
    expect(conflict).toBeDefined();
    expect((await a.fail('sync.resolveConflict', { id: conflict!.id, choice: 'remote' })).code).toBe('APPEND_ONLY');
    expect(await a.call('sync.resolveConflict', { id: conflict!.id, choice: 'local' })).toEqual({ resolved: true });
    expect((await a.call('sync.conflicts', {})).filter((c) => c.rowId === noteId)).toEqual([]);
    expect(await readA((db) => (db.prepare('SELECT text FROM contact_notes WHERE id = ?').get(noteId) as { text: string }).text)).toBe('Erstfassung');
  });
});
