import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PlainDatabase from 'better-sqlite3';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databasePath, profileFilePath } from '../../../electron/core/profiles/paths';
import { openEncryptedDatabase, UnreadableDatabaseError } from '../../../electron/core/store/open-db';
import { call, createProfile, databaseKey, fileContains, makeCore, password, samplePerson, tempDir } from './helpers';

describe('encrypted case store at rest', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('keeps a person’s name out of the raw bytes of the db and its WAL, open and closed', async () => {
    const core = makeCore(dir);
    const profileId = await createProfile(core);
    const person = await call(core, 'persons.create', samplePerson());
    const dbFile = databasePath(dir, profileId);

    // while open, the change sits in the WAL
    expect(existsSync(`${dbFile}-wal`)).toBe(true);
    for (const file of [dbFile, `${dbFile}-wal`]) {
      expect(fileContains(file, 'Quxtrablinsky')).toBe(false);
      expect(fileContains(file, 'Zeynepova')).toBe(false);
      expect(fileContains(file, 'CREATE TABLE')).toBe(false);
    }

    core.close();
    expect(fileContains(dbFile, 'Quxtrablinsky')).toBe(false);
    expect(fileContains(`${dbFile}-wal`, 'Quxtrablinsky')).toBe(false);

    // the same key reopens and the person is there
    await call(core, 'session.unlock', { profileId, password });
    expect((await call(core, 'persons.get', { id: person.id })).familyName).toBe('Quxtrablinsky');
    core.close();
  });

  it('the grep above would find the name in a plaintext database (the check itself works)', () => {
    const file = join(dir, 'plain.db');
    const db = new PlainDatabase(file);
    db.exec("CREATE TABLE t (name TEXT); INSERT INTO t VALUES ('Quxtrablinsky')");
    db.close();
    expect(fileContains(file, 'Quxtrablinsky')).toBe(true);
  });

  it('plain better-sqlite3 cannot open the store', async () => {
    const core = makeCore(dir);
    const profileId = await createProfile(core);
    await call(core, 'persons.create', samplePerson());
    core.close();
    const plain = new PlainDatabase(databasePath(dir, profileId));
    try {
      expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    } finally {
      plain.close();
    }
  });

  it('a wrong key is refused as unreadable, the right key reopens', async () => {
    const core = makeCore(dir);
    const profileId = await createProfile(core);
    core.close();
    const file = databasePath(dir, profileId);
    expect(() => openEncryptedDatabase(file, randomBytes(32))).toThrow(UnreadableDatabaseError);
    const key = await databaseKey(dir, profileId);
    const db = openEncryptedDatabase(file, key);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('uses the 32 bytes as a RAW AEGIS-256 key, not as a passphrase', async () => {
    const core = makeCore(dir);
    const profileId = await createProfile(core);
    core.close();
    const key = await databaseKey(dir, profileId);
    const asPassphrase = new CipherDatabase(databasePath(dir, profileId));
    try {
      asPassphrase.pragma(`cipher = 'aegis'`);
      asPassphrase.pragma(`key = '${key.toString('hex')}'`);
      expect(() => asPassphrase.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    } finally {
      asPassphrase.close();
    }
    const raw = new CipherDatabase(databasePath(dir, profileId));
    try {
      raw.pragma(`cipher = 'aegis'`);
      expect(raw.pragma('algorithm', { simple: true })).toBe('aegis-256');
      raw.pragma(`key = "x'${key.toString('hex')}'"`);
      expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'persons'").get()).toEqual({ n: 1 });
    } finally {
      raw.close();
    }
  });

  it('profile.json holds the wrapped key and KDF parameters, never the password or the raw key', async () => {
    const core = makeCore(dir);
    const profileId = await createProfile(core);
    core.close();
    const text = readFileSync(profileFilePath(dir, profileId), 'utf8');
    const key = await databaseKey(dir, profileId);
    expect(text).not.toContain(password);
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(key.toString('base64'));
    const json = JSON.parse(text) as { kdf: { algorithm: string; N: number }; wrappedKey: { algorithm: string } };
    expect(json.kdf.algorithm).toBe('scrypt');
    expect(json.kdf.N).toBe(2 ** 10); // the test cost, stored with the profile
    expect(json.wrappedKey.algorithm).toBe('aes-256-gcm');
  });
});
