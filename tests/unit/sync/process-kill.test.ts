import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../server/harness';
import { count, enroll, makeDevice, password, person, removeDevice, startSyncServer, syncNow, type Device, type SyncServer } from './sync-harness';

/**
 * DESIGN.md, Sync: "every step is safe to kill and repeat". Here the device really dies: its core
 * runs in a child process that exits in the middle of applying a pulled page (inside the
 * transaction), and a new process resumes from whatever is on disk.
 */
const child = path.resolve('tests/unit/sync/pull-child.ts');

describe('a device process killed mid-pull', () => {
  const backend = backends[0]!;
  let server: SyncServer;
  let sender: Device;
  let victim: Device;

  beforeAll(async () => {
    server = await startSyncServer(backend);
    const aylin = await server.user('Aylin Demir', ['Ratingen']);
    sender = await makeDevice('sender');
    await enroll(sender, server, aylin.code);
    for (let i = 0; i < 8; i++) {
      const made = await sender.call('persons.create', person({ familyName: `Akku${i}`, givenNames: `Nr ${i}` }));
      await sender.call('cases.open', { personId: made.id, overrideReason: 'Zielgruppe im Sync-Test nicht geprüft' });
    }
    await syncNow(sender);
    victim = await makeDevice('victim');
    await enroll(victim, server, await server.code('Aylin Demir'));
    victim.close();
  });
  afterAll(async () => {
    for (const device of [sender, victim]) if (device) removeDevice(device);
    await server?.dispose();
  });

  it('resumes in a new process without loss or duplicates', async () => {
    // Asynchronous spawn: the server under test runs in this process and must keep answering.
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', child], {
        env: { ...process.env, KIM_CHILD_DATA_DIR: victim.dir, KIM_CHILD_PROFILE_ID: victim.profileId, KIM_CHILD_EXIT_AFTER_ROWS: '10' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
      proc.on('exit', (status) => {
        clearTimeout(timer);
        resolve({ status, stderr });
      });
    });
    expect(run.status, run.stderr).toBe(86);

    // Died mid-pull: the first page (7 rows) is on disk, the page it died in is not.
    const persisted = await victim.read((db) => ({
      persons: count(db, 'SELECT count(*) AS n FROM persons'),
      cases: count(db, 'SELECT count(*) AS n FROM cases'),
    }));
    expect(persisted.persons + persisted.cases).toBeGreaterThan(0);
    expect(persisted.persons + persisted.cases).toBeLessThan(16);

    const resumed = await makeDevice('victim', { dir: victim.dir, createProfile: false });
    resumed.profileId = victim.profileId;
    await resumed.call('session.unlock', { profileId: victim.profileId, password });
    expect(await syncNow(resumed)).toMatchObject({ lastError: null, pendingChanges: 0 });

    const snapshot = (db: Parameters<Parameters<Device['read']>[0]>[0]) => ({
      persons: db.prepare('SELECT id, family_name, given_names, team_id FROM persons ORDER BY id').all(),
      cases: db.prepare('SELECT id, person_id, phase, team_id FROM cases ORDER BY id').all(),
    });
    const expected = await sender.read(snapshot);
    resumed.close();
    await resumed.read((db) => {
      expect(snapshot(db)).toEqual(expected);
      expect(count(db, 'SELECT count(*) AS n FROM sync_inbox')).toBe(0);
    });
    const again = await makeDevice('victim', { dir: victim.dir, createProfile: false });
    again.profileId = victim.profileId;
    await again.call('session.unlock', { profileId: victim.profileId, password });
    expect((await again.call('audit.verify', {})).ok).toBe(true);
    again.close();
  });
});
