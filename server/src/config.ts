import { resolve } from 'node:path';

/**
 * Configuration from the environment, with defaults that make `npm run server` work on a fresh
 * machine: PGlite and the key file in `.server-data/` of the working directory, port 8787 on
 * the loopback interface.
 */
export interface ServerConfig {
  readonly dataDir: string;
  readonly identityPath: string;
  readonly referenceDataPath: string;
  /** PostgreSQL; without it PGlite runs in `dataDir/pglite` */
  readonly databaseUrl: string | null;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string | false;
  readonly trustProxy: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const dataDir = resolve(cwd, env['KIM_SERVER_DATA'] || '.server-data');
  const port = Number(env['PORT'] ?? env['KIM_SERVER_PORT'] ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Ungültiger Port / invalid port: ${String(env['PORT'] ?? env['KIM_SERVER_PORT'])}`);
  }
  const logLevel = env['KIM_LOG_LEVEL'] ?? 'info';
  return {
    dataDir,
    identityPath: resolve(cwd, env['KIM_SERVER_IDENTITY'] || `${dataDir}/server-identity.json`),
    referenceDataPath: resolve(cwd, env['KIM_REFERENCE_DATA'] || `${dataDir}/reference-data.json`),
    databaseUrl: env['DATABASE_URL'] || null,
    host: env['HOST'] ?? env['KIM_SERVER_HOST'] ?? '127.0.0.1',
    port,
    logLevel: logLevel === 'off' ? false : logLevel,
    trustProxy: env['KIM_TRUST_PROXY'] === '1' || env['KIM_TRUST_PROXY'] === 'true',
  };
}
