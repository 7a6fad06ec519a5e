import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import type { Db } from './db/adapter';
import { openDatabase } from './db/open';
import { buildApp } from './http/app';
import { Keyring } from './identity/keyring';
import { loadOrCreateIdentity } from './identity/store';
import { loadReferenceData } from './reference-data';

export interface RunningServer {
  readonly url: string;
  readonly fingerprint: string;
  readonly identityCreated: boolean;
  readonly app: FastifyInstance;
  readonly db: Db;
  close(): Promise<void>;
}

/** Opens everything the configuration names, listens, and hands back how to reach and stop it. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const { created } = await loadOrCreateIdentity(config.identityPath);
  const keyring = await Keyring.fromFile(config.identityPath);
  const referenceData = await loadReferenceData(config.referenceDataPath);
  const db = await openDatabase(config);
  const { app } = buildApp({ db, keyring, referenceData, logLevel: config.logLevel, trustProxy: config.trustProxy });
  try {
    const address = await app.listen({ host: config.host, port: config.port });
    return {
      url: address,
      fingerprint: keyring.current().fingerprint,
      identityCreated: created,
      app,
      db,
      async close() {
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await app.close().catch(() => undefined);
    await db.close();
    throw error;
  }
}
