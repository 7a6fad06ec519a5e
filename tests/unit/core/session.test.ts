import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { delayAfterFailures } from '../../../electron/core/profiles/attempts';
import { databasePath, profileFilePath } from '../../../electron/core/profiles/paths';
import { NoticeBook } from '../../../electron/core/store/quarantine';
import { Session } from '../../../electron/core/session/session';
import { randomBytes } from 'node:crypto';
import {
  call,
  createProfile,
  databaseKey,
  fail,
  FakeClock,
  makeCore,
  password,
  samplePerson,
  sha256File,
  tempDir,
  userName,
} from './helpers';

const newPassword = 'Regenschirm Laterne Apfelbaum';

function profileJson(dir: string, id: string): { failedAttempts: number; lastFailureAt: string | null; kdf: { salt: string }; wrappedKey: { ciphertext: string } } {
  return JSON.parse(readFileSync(profileFilePath(dir, id), 'utf8'));
}

describe('profiles and session', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('profiles.create checks the repeat and the password policy', async () => {
    const core = makeCore(dir);
    const mismatch = await fail(core, 'profiles.create', { name: 'A', userName, password, passwordRepeat: `${password}!` });
    expect(mismatch.code).toBe('INVALID_INPUT');
    expect(mismatch.fieldErrors).toEqual({ passwordRepeat: 'Die Passwörter stimmen nicht überein.' });

    const weak = await fail(core, 'profiles.create', { name: 'A', userName, password: 'kurz', passwordRepeat: 'kurz' });
    expect(weak.code).toBe('WEAK_PASSWORD');
    expect(weak.message).toMatch(/mindestens 12 Zeichen/);

    const empty = await fail(core, 'profiles.create', { name: '   ', userName, password, passwordRepeat: password });
    expect(empty.code).toBe('INVALID_INPUT');
    expect(empty.fieldErrors?.name).toBe('Pflichtfeld');

    expect(await call(core, 'profiles.list', {})).toEqual([]); // nothing half-made was left behind
  });

  it('creates, lists without secrets, refuses a duplicate name', async () => {
    const core = makeCore(dir);
    const id = await createProfile(core, 'Büro Ratingen');
    const status = await call(core, 'session.status', {});
    expect(status).toMatchObject({ state: 'unlocked', profile: { id, name: 'Büro Ratingen', userName } });
    const list = await call(core, 'profiles.list', {});
    expect(list).toEqual([{ id, name: 'Büro Ratingen', userName, createdAt: expect.any(String) }]);
    expect(Object.keys(list[0]!).sort()).toEqual(['createdAt', 'id', 'name', 'userName']);
    const dup = await fail(core, 'profiles.create', { name: 'büro ratingen', userName, password, passwordRepeat: password });
    expect(dup.code).toBe('PROFILE_EXISTS');
    core.close();
  });

  it('unknown or path-like profile ids are PROFILE_NOT_FOUND', async () => {
    const core = makeCore(dir);
    expect((await fail(core, 'session.unlock', { profileId: '../../etc', password })).code).toBe('PROFILE_NOT_FOUND');
    expect((await fail(core, 'session.unlock', { profileId: '0190f0b4-7c2d-7a3e-8f00-123456789abc', password })).code).toBe(
      'PROFILE_NOT_FOUND',
    );
  });

  it('wrong passwords: counted persistently, delay 2^(n-3) s from the 3rd, refused early without checking', async () => {
    const clock = new FakeClock();
    let core = makeCore(dir, clock);
    const profileId = await createProfile(core);
    await call(core, 'session.lock', {});
    const wrong = { profileId, password: 'falsches Passwort 123' };

    for (let n = 1; n <= 2; n++) {
      const error = await fail(core, 'session.unlock', wrong);
      expect(error).toEqual({ code: 'WRONG_PASSWORD', message: 'Das Passwort ist falsch.' });
    }
    const third = await fail(core, 'session.unlock', wrong);
    expect(third.code).toBe('WRONG_PASSWORD');
    expect(third.retryAfterMs).toBe(1000);

    // even the right password is refused inside the window, and the counter does not move
    const early = await fail(core, 'session.unlock', { profileId, password });
    expect(early.code).toBe('TOO_MANY_ATTEMPTS');
    expect(early.retryAfterMs).toBe(1000);
    expect(early.message).toContain('1 Sekunde');
    expect(profileJson(dir, profileId).failedAttempts).toBe(3);

    clock.advance(1000);
    expect((await fail(core, 'session.unlock', wrong)).retryAfterMs).toBe(2000); // 4th
    clock.advance(1999);
    const stillEarly = await fail(core, 'session.unlock', wrong);
    expect(stillEarly).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 1 });
    clock.advance(1);
    expect((await fail(core, 'session.unlock', wrong)).retryAfterMs).toBe(4000); // 5th

    // a restart does not reset the counter
    core.close();
    core = makeCore(dir, clock);
    clock.advance(3000);
    const afterRestart = await fail(core, 'session.unlock', { profileId, password });
    expect(afterRestart).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 1000 });
    expect(afterRestart.message).toBe('Zu viele Fehlversuche. Bitte in 1 Sekunde erneut versuchen.');

    clock.advance(1000);
    const ok = await call(core, 'session.unlock', { profileId, password });
    expect(ok.state).toBe('unlocked');
    expect(profileJson(dir, profileId)).toMatchObject({ failedAttempts: 0, lastFailureAt: null });

    // after a success, the next mistake is a free one again
    await call(core, 'session.lock', {});
    expect(await fail(core, 'session.unlock', wrong)).toEqual({ code: 'WRONG_PASSWORD', message: 'Das Passwort ist falsch.' });
    core.close();
  });

  it('the delay grows by powers of two and is capped at five minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(delayAfterFailures)).toEqual([0, 0, 1000, 2000, 4000, 8000, 128_000]);
    expect(delayAfterFailures(11)).toBe(256_000);
    expect(delayAfterFailures(12)).toBe(300_000);
    expect(delayAfterFailures(60)).toBe(300_000);
  });

  it('lock drops the state: LOCKED afterwards, status locked, data back after unlock', async () => {
    const core = makeCore(dir);
    const profileId = await createProfile(core);
    const person = await call(core, 'persons.create', samplePerson());
    expect(await call(core, 'session.lock', {})).toEqual({ state: 'locked' });
    expect(await call(core, 'session.status', {})).toEqual({ state: 'locked' });
    for (const [channel, input] of [
      ['persons.get', { id: person.id }],
      ['persons.search', { query: '' }],
      ['cases.mine', {}],
      ['settings.get', {}],
      ['audit.verify', {}],
      ['session.changePassword', { oldPassword: password, newPassword, newPasswordRepeat: newPassword }],
    ] as const) {
      const error = await fail(core, channel, input);
      expect(error).toEqual({ code: 'LOCKED', message: 'Die Fallakte ist gesperrt. Bitte mit dem Passwort entsperren.' });
    }
    await call(core, 'session.unlock', { profileId, password });
    expect((await call(core, 'persons.get', { id: person.id })).givenNames).toBe('Zeynepova Amira');
    core.close();
  });

  it('lock zeroes the database key the session owned', async () => {
    const core = makeCore(dir);
    const profileId = await createProfile(core);
    core.close();
    const key = await databaseKey(dir, profileId);
    const session = new Session(dir, Date.now, new NoticeBook(dir));
    session.open({ id: profileId, name: 'x', userName, createdAt: '' }, key);
    expect(key.some((b) => b !== 0)).toBe(true);
    session.lock();
    expect(key.every((b) => b === 0)).toBe(true);
    expect(session.current()).toBeNull();
  });

  it('a key that is not this store’s is zeroed too when opening fails (the file is quarantined)', async () => {
    const core = makeCore(dir);
    const profileId = await createProfile(core);
    core.close();
    const session = new Session(dir, Date.now, new NoticeBook(dir));
    const key = randomBytes(32);
    expect(() => session.open({ id: profileId, name: 'x', userName, createdAt: '' }, key)).toThrow();
    expect(key.every((b) => b === 0)).toBe(true);
  });

  it('auto-lock backstop: idle for autoLockMinutes locks before the next call; status polls do not count', async () => {
    const clock = new FakeClock();
    const core = makeCore(dir, clock);
    await createProfile(core);
    clock.advance(9 * 60_000);
    await call(core, 'cases.mine', {}); // activity
    clock.advance(9 * 60_000);
    await call(core, 'cases.mine', {}); // 9 min after the last call: still open
    clock.advance(5 * 60_000);
    await call(core, 'session.status', {});
    clock.advance(5 * 60_000);
    expect((await call(core, 'session.status', {})).state).toBe('locked');
    expect((await fail(core, 'cases.mine', {})).code).toBe('LOCKED');
    core.close();
  });

  it('auto-lock follows settings.autoLockMinutes', async () => {
    const clock = new FakeClock();
    const core = makeCore(dir, clock);
    const profileId = await createProfile(core);
    expect(await call(core, 'settings.update', { autoLockMinutes: 1 })).toEqual({ autoLockMinutes: 1, locale: 'de' });
    clock.advance(59_000);
    await call(core, 'cases.mine', {});
    clock.advance(60_000);
    const error = await fail(core, 'cases.mine', {});
    expect(error.code).toBe('LOCKED');
    // the setting lives in the encrypted store and survives the lock
    await call(core, 'session.unlock', { profileId, password });
    expect(await call(core, 'settings.get', {})).toEqual({ autoLockMinutes: 1, locale: 'de' });
    core.close();
  });

  it('change password re-wraps the same key: db file unchanged, old fails, new works, data intact', async () => {
    const core = makeCore(dir);
    const profileId = await createProfile(core);
    const person = await call(core, 'persons.create', samplePerson());
    await call(core, 'session.lock', {});
    await call(core, 'session.unlock', { profileId, password });
    await call(core, 'session.lock', {});
    const dbFile = databasePath(dir, profileId);
    const before = sha256File(dbFile);
    const profileBefore = profileJson(dir, profileId);

    await call(core, 'session.unlock', { profileId, password });
    const wrongOld = await fail(core, 'session.changePassword', {
      oldPassword: 'nicht das alte Passwort',
      newPassword,
      newPasswordRepeat: newPassword,
    });
    expect(wrongOld.code).toBe('WRONG_PASSWORD');
    const mismatch = await fail(core, 'session.changePassword', {
      oldPassword: password,
      newPassword,
      newPasswordRepeat: 'etwas ganz anderes',
    });
    expect(mismatch).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { newPasswordRepeat: 'Die Passwörter stimmen nicht überein.' } });
    const weak = await fail(core, 'session.changePassword', { oldPassword: password, newPassword: 'zu kurz', newPasswordRepeat: 'zu kurz' });
    expect(weak.code).toBe('WEAK_PASSWORD');

    expect(await call(core, 'session.changePassword', { oldPassword: password, newPassword, newPasswordRepeat: newPassword })).toEqual({
      changed: true,
    });
    await call(core, 'session.lock', {});

    expect(sha256File(dbFile)).toBe(before);
    const profileAfter = profileJson(dir, profileId);
    expect(profileAfter.kdf.salt).not.toBe(profileBefore.kdf.salt);
    expect(profileAfter.wrappedKey.ciphertext).not.toBe(profileBefore.wrappedKey.ciphertext);

    expect((await fail(core, 'session.unlock', { profileId, password })).code).toBe('WRONG_PASSWORD');
    await call(core, 'session.unlock', { profileId, password: newPassword });
    expect((await call(core, 'persons.get', { id: person.id })).familyName).toBe('Quxtrablinsky');
    core.close();
  });

  it('switching profiles locks the first one', async () => {
    const core = makeCore(dir);
    const first = await createProfile(core, 'Erstes');
    const person = await call(core, 'persons.create', samplePerson());
    const second = await createProfile(core, 'Zweites');
    const status = await call(core, 'session.status', {});
    expect(status.state === 'unlocked' && status.profile.id).toBe(second);
    expect((await fail(core, 'persons.get', { id: person.id })).code).toBe('NOT_FOUND');
    await call(core, 'session.unlock', { profileId: first, password });
    expect((await call(core, 'persons.get', { id: person.id })).id).toBe(person.id);
    core.close();
  });
});
