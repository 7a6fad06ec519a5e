import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/ipc/contract';
import type { IpcErrorPayload, IpcResult } from '../../../shared/ipc/errors';
import type { PersonInput } from '../../../shared/domain/person';
import { createCore, type Core } from '../../../electron/core/index';
import type { Db } from '../../../electron/core/db-types';
import { readProfile } from '../../../electron/core/profiles/profile-repo';
import { databasePath } from '../../../electron/core/profiles/paths';
import { tryUnwrap } from '../../../electron/core/session/unwrap';
import { openEncryptedDatabase } from '../../../electron/core/store/open-db';

/** Cheap scrypt for tests (the 2-core build machine is shared); production cost is N = 2^17. */
export const testKdf = { N: 2 ** 10, r: 8, p: 1 } as const;

export const password = 'Kaffee Fahrrad Wolke Sieben';
export const userName = 'Erika Beispiel';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kim-core-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A wall clock the test moves by hand. */
export class FakeClock {
  constructor(public ms: number = Date.UTC(2025, 2, 14, 9, 30, 0)) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function makeCore(dataDir: string, clock: FakeClock = new FakeClock(), log?: (line: string) => void): Core {
  return createCore({ dataDir, appVersion: '0.1.0-test', now: clock.now, kdf: testKdf, ...(log ? { log } : {}) });
}

/** A typed call that must succeed. */
export async function call<C extends ChannelName>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = (await core.handle(channel, input)) as IpcResult<ChannelOutput<C>>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fieldErrors ?? {})}`);
  return result.value;
}

/** A call that must fail; returns the error payload. */
export async function fail(core: Core, channel: string, input: unknown): Promise<IpcErrorPayload> {
  const result = await core.handle(channel, input);
  expect(result.ok, `${channel} should fail`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

export async function createProfile(core: Core, name = 'Büro Mettmann'): Promise<string> {
  const status = await call(core, 'profiles.create', { name, userName, password, passwordRepeat: password });
  if (status.state !== 'unlocked') throw new Error('profile not unlocked');
  return status.profile.id;
}

export function samplePerson(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    familyName: 'Quxtrablinsky',
    givenNames: 'Zeynepova Amira',
    otherSpellings: ['Kuxtrablinski Seynebowa'],
    birthDate: { kind: 'year', year: 1991 },
    gender: 'weiblich',
    nationalities: ['SYR'],
    languages: [{ language: 'ar', interpreterNeeded: true }],
    residence: { status: 'gestattung', validUntil: '2025-09-30' },
    arrivalDate: '2023-11-02',
    address: { street: 'Talstraße 4', postalCode: '40822', municipality: 'mettmann' },
    phone: '+49 2104 123456',
    email: 'amira@example.org',
    ...overrides,
  };
}

/** Opens a profile's store directly (the core must be locked), for checks and tampering. */
export async function withDatabase<T>(dataDir: string, profileId: string, fn: (db: Db) => T): Promise<T> {
  const key = await tryUnwrap(readProfile(dataDir, profileId), password);
  if (!key) throw new Error('test password does not unwrap');
  const db = openEncryptedDatabase(databasePath(dataDir, profileId), key);
  try {
    return fn(db);
  } finally {
    db.close();
    key.fill(0);
  }
}

export async function databaseKey(dataDir: string, profileId: string): Promise<Buffer> {
  const key = await tryUnwrap(readProfile(dataDir, profileId), password);
  if (!key) throw new Error('test password does not unwrap');
  return key;
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function fileContains(path: string, needle: string): boolean {
  return existsSync(path) && readFileSync(path).includes(Buffer.from(needle, 'utf8'));
}
