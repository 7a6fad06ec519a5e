import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databasePath } from '../../../electron/core/profiles/paths';
import { call, createProfile, fail, FakeClock, makeCore, password, samplePerson, sha256File, tempDir } from './helpers';

describe('quarantine of an unreadable case store', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  async function expectQuarantinedThenFresh(damage: (file: string) => void): Promise<void> {
    const clock = new FakeClock();
    const core = makeCore(dir, clock);
    const profileId = await createProfile(core);
    const person = await call(core, 'persons.create', samplePerson());
    for (let i = 0; i < 150; i++) {
      await call(core, 'persons.create', samplePerson({ familyName: `Name${i}`, givenNames: 'x'.repeat(150) }));
    }
    core.close();
    const file = databasePath(dir, profileId);
    expect(existsSync(`${file}-wal`)).toBe(false); // checkpointed on close: all data is in the file
    damage(file);
    const damagedHash = sha256File(file);

    const error = await fail(core, 'session.unlock', { profileId, password });
    expect(error.code).toBe('DATABASE_QUARANTINED');
    expect(error.message).toMatch(/nicht gelöscht/);
    expect(error.message).toMatch(/leeren Fallakte/);

    // moved aside, not deleted: the same bytes are in the quarantine folder
    expect(existsSync(file)).toBe(false);
    const folders = readdirSync(join(dir, 'quarantine')).filter((name) => name.startsWith(profileId));
    expect(folders).toHaveLength(1);
    const moved = join(dir, 'quarantine', folders[0]!, 'case-store.db');
    expect(sha256File(moved)).toBe(damagedHash);
    expect(error.message).toContain(join(dir, 'quarantine', folders[0]!));

    const notices = await call(core, 'store.notices', {});
    expect(notices).toEqual([
      { kind: 'quarantined', profileId, movedTo: join(dir, 'quarantine', folders[0]!), at: new Date(clock.ms).toISOString() },
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'quarantine', 'notices.json'), 'utf8'))).toEqual(notices);

    // the next unlock starts with an empty store under the same key
    expect((await call(core, 'session.unlock', { profileId, password })).state).toBe('unlocked');
    expect((await fail(core, 'persons.get', { id: person.id })).code).toBe('NOT_FOUND');
    expect(await call(core, 'audit.verify', {})).toEqual({ ok: true, entries: 0, firstBrokenSeq: null });
    await call(core, 'persons.create', samplePerson());
    core.close();
    await call(core, 'session.unlock', { profileId, password });
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: true, entries: 1 });
    core.close();
  }

  it('a garbage file', async () => {
    await expectQuarantinedThenFresh((file) => writeFileSync(file, randomBytes(statSync(file).size)));
  });

  it('an encrypted page corrupted in the middle of the file', async () => {
    await expectQuarantinedThenFresh((file) => {
      const size = statSync(file).size;
      expect(size).toBeGreaterThan(16 * 4096);
      const offset = Math.floor(size / 2 / 4096) * 4096 + 1000; // inside a page in the middle
      const fd = openSync(file, 'r+');
      try {
        const bytes = Buffer.alloc(16);
        readSync(fd, bytes, 0, 16, offset);
        for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0xff;
        writeSync(fd, bytes, 0, 16, offset);
      } finally {
        closeSync(fd);
      }
    });
  });
});
