import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createTeam, createUser, issueCode } from '../../server/src/admin/commands';
import { pgliteDb } from '../../server/src/db/adapter';
import { migrate } from '../../server/src/db/migrate';
import { buildApp } from '../../server/src/http/app';
import { Keyring } from '../../server/src/identity/keyring';
import { loadOrCreateIdentity } from '../../server/src/identity/store';

/**
 * The county server for e2e, in this process, built from the server's own code as the unit
 * tests do (tests/unit/server/harness.ts): PGlite in memory, a fresh identity, one team, one
 * user and two one-time enrollment codes — one per device.
 */
export interface CountyServer {
  url: string;
  /** the server key's fingerprint as the county IT reads it out: "12345 67890 …" */
  fingerprint: string;
  teamName: string;
  userName: string;
  codes: [string, string];
  close(): Promise<void>;
}

export async function startCountyServer(options: { teamName?: string; userName?: string } = {}): Promise<CountyServer> {
  const teamName = options.teamName ?? 'Kommune Velbert';
  const userName = options.userName ?? 'Aylin Demir';
  const dir = await mkdtemp(path.join(tmpdir(), 'kim-e2e-server-'));
  const identityPath = path.join(dir, 'server-identity.json');
  await loadOrCreateIdentity(identityPath);
  const pglite = await PGlite.create();
  const db = pgliteDb(pglite);
  try {
    await migrate(db);
    await createTeam(db, { name: teamName });
    await createUser(db, { name: userName, teams: [teamName] });
    const first = await issueCode(db, { user: userName, expiresInMs: 3_600_000 });
    const second = await issueCode(db, { user: userName, expiresInMs: 3_600_000 });
    const keyring = await Keyring.fromFile(identityPath);
    const { app } = buildApp({ db, keyring, logLevel: false });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    return {
      url,
      fingerprint: keyring.current().fingerprint,
      teamName,
      userName,
      codes: [first.code, second.code],
      async close() {
        await app.close();
        await pglite.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await pglite.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
