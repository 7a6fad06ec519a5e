import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Migration } from '../../../electron/core/db-types';
import { latestSchemaVersion, migrations } from '../../../electron/core/migrations/index';
import { migrate, schemaVersionOf } from '../../../electron/core/migrations/migrate';
import { databasePath } from '../../../electron/core/profiles/paths';
import { openEncryptedDatabase } from '../../../electron/core/store/open-db';
import { searchPersons } from '../../../electron/core/search/query';
import { call, createProfile, databaseKey, fail, makeCore, password, sha256File, tempDir } from './helpers';

describe('migrations', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('lists 001_init and the search migration, numbered without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations.map((m) => m.name).slice(0, 2)).toEqual(['init', 'search']);
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('a database created by migration 1 opens with the latest and keeps its rows', () => {
    const file = join(dir, 'v1.db');
    const key = randomBytes(32);
    const v1 = openEncryptedDatabase(file, key, { targetVersion: 1 });
    expect(schemaVersionOf(v1)).toBe(1);
    v1.prepare(
      `INSERT INTO persons (id, family_name, given_names, birth_date, gender, created_at, updated_at)
       VALUES ('0190f0b4-7c2d-7a3e-8f00-123456789abc', 'Haddad', 'Yusuf', '{"kind":"unknown"}', 'maennlich', 'x', 'x')`,
    ).run();
    v1.close();

    const latest = openEncryptedDatabase(file, key);
    expect(schemaVersionOf(latest)).toBe(latestSchemaVersion);
    expect(latest.prepare('SELECT family_name FROM persons').all()).toEqual([{ family_name: 'Haddad' }]);
    // The search index is built at open, so a variant spelling finds the migrated person.
    expect(latest.prepare('SELECT COUNT(*) AS n FROM search_person').get()).toEqual({ n: 1 });
    expect(searchPersons(latest, 'Jusuf', 10).map((p) => p.familyName)).toEqual(['Haddad']);
    latest.close();
  });

  it('all pending migrations run in ONE transaction: a failing one leaves version 0 and no tables', () => {
    const file = join(dir, 'broken.db');
    const key = randomBytes(32);
    const db = openEncryptedDatabase(file, key, { targetVersion: 0 });
    const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE fine (x); SELECT no_such_function();' };
    expect(() => migrate(db, 2, [migrations[0]!, broken])).toThrow();
    expect(schemaVersionOf(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([]);
    db.close();
  });

  it('a database from a newer app refuses to open with a clear message, and the file is untouched', async () => {
    const core = makeCore(dir);
    const profileId = await createProfile(core);
    core.close();
    const file = databasePath(dir, profileId);
    const key = await databaseKey(dir, profileId);
    const db = openEncryptedDatabase(file, key);
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    db.close();
    const before = sha256File(file);

    const error = await fail(core, 'session.unlock', { profileId, password });
    expect(error.code).toBe('DATABASE_TOO_NEW');
    expect(error.message).toMatch(/neueren Version/);
    expect(sha256File(file)).toBe(before);
    expect(existsSync(join(dir, 'quarantine')) ? readdirSync(join(dir, 'quarantine')) : []).toEqual([]);
    expect(await call(core, 'session.status', {})).toEqual({ state: 'locked' });
  });
});
