import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/ipc/contract';
import { createHandlers } from '../../../electron/core/ipc/handlers';
import { createRouter, type HandlerTable } from '../../../electron/core/ipc/router';
import { NoticeBook } from '../../../electron/core/store/quarantine';
import { Session } from '../../../electron/core/session/session';
import { resolveKdfParams } from '../../../electron/core/crypto/kdf';
import { latestSchemaVersion } from '../../../electron/core/migrations/index';
import { SyncService } from '../../../electron/core/sync/service';
import { call, createProfile, fail, makeCore, samplePerson, tempDir, testKdf } from './helpers';

describe('IPC router', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  function handlers(): HandlerTable {
    const notices = new NoticeBook(dir);
    const session = new Session(dir, Date.now, notices);
    const sync = new SyncService({ dataDir: dir, session, now: Date.now, fetch: globalThis.fetch });
    return createHandlers({ dataDir: dir, appVersion: '1.2.3', now: Date.now, kdf: resolveKdfParams(testKdf), session, notices, sync });
  }

  it('implements every channel of the contract', () => {
    expect(Object.keys(handlers()).sort()).toEqual([...channelNames].sort());
  });

  it('a missing handler is a compile error', () => {
    // @ts-expect-error — 'audit.verify' and the others are missing
    const partial: HandlerTable = { 'app.info': () => ({ version: '1', schemaVersion: 1 }) };
    expect(partial).toBeDefined();
  });

  it('unknown channel → UNKNOWN_CHANNEL, also for prototype names', async () => {
    const core = makeCore(dir);
    for (const channel of ['nope', 'toString', '__proto__', 'constructor', '']) {
      expect((await fail(core, channel, {})).code).toBe('UNKNOWN_CHANNEL');
    }
  });

  it('bad input → INVALID_INPUT with German field errors, never a rejection', async () => {
    const core = makeCore(dir);
    await createProfile(core);
    const error = await fail(core, 'persons.create', {
      ...samplePerson(),
      familyName: '  ',
      email: 'keine-mail',
      birthDate: { kind: 'full', date: '2023-02-30x' },
      languages: [{ language: 'ar' }],
    });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/Eingaben/);
    expect(error.fieldErrors).toMatchObject({
      familyName: 'Pflichtfeld',
      email: 'Keine gültige E-Mail-Adresse',
      'birthDate.date': 'Datum im Format JJJJ-MM-TT erwartet',
    });
    expect(error.fieldErrors?.['languages.0.interpreterNeeded']).toMatch(/Ungültige Eingabe/);

    for (const input of [null, undefined, 'text', 42, [], Symbol('x')]) {
      await expect(core.handle('session.status', input)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect((await fail(core, 'session.status', { unexpected: true })).fieldErrors).toEqual({ $: expect.stringMatching(/Unbekannter Schlüssel/) });
    expect((await fail(core, 'persons.get', { id: 'not-a-uuid' })).fieldErrors).toHaveProperty('id');
    core.close();
  });

  it('a crashing handler → INTERNAL with a generic German message; the log names only channel and class', async () => {
    const lines: string[] = [];
    const table = handlers();
    table['persons.search'] = () => {
      throw new TypeError('Quxtrablinsky exploded at /home/secret');
    };
    const route = createRouter(table, { log: (line) => lines.push(line) });
    const result = await route('persons.search', { query: 'Quxtrablinsky' });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/interner Fehler/) } });
    expect(lines).toEqual(['[core] persons.search failed: TypeError']);
    expect(JSON.stringify(result)).not.toContain('Quxtrablinsky');
  });

  it('an async rejection with a non-Error value is still an IpcResult', async () => {
    const table = handlers();
    table['catalogs.get'] = () => Promise.reject('boom' as unknown as Error);
    const route = createRouter(table, { log: () => undefined });
    await expect(route('catalogs.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('app.info and catalogs.get answer while locked', async () => {
    const core = makeCore(dir);
    expect(await call(core, 'app.info', {})).toEqual({ version: '0.1.0-test', schemaVersion: latestSchemaVersion });
    const catalogs = await call(core, 'catalogs.get', {});
    expect(catalogs.residenceStatuses.some((s) => s.key === 'duldung')).toBe(true);
  });

  it('calls are served one after another, in order', async () => {
    const core = makeCore(dir);
    await createProfile(core);
    const results = await Promise.all([
      core.handle('persons.create', samplePerson()),
      core.handle('session.lock', {}),
      core.handle('persons.create', samplePerson()),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});
