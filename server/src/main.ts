import { runAdmin } from './admin/cli';
import { readConfig } from './config';
import { openDatabase } from './db/open';
import { startServer } from './start';

/**
 * `npm run server` starts the county server; `npm run server -- admin …` runs an admin command.
 * Defaults need no configuration at all (see server/README.md).
 */
async function main(argv: readonly string[]): Promise<number> {
  const config = readConfig();
  if (argv[0] === 'admin') {
    return runAdmin(argv.slice(1), {
      openDb: () => openDatabase(config),
      identityPath: config.identityPath,
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  }
  if (argv.length > 0) {
    console.error(`Unbekanntes Argument / unknown argument: ${argv[0]}. Admin-Befehle: npm run server -- admin help`);
    return 2;
  }
  const server = await startServer(config);
  console.log(`KIM Fallakte Kreisserver läuft / county server listening: ${server.url}`);
  console.log(`Datenbank / database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`);
  console.log(`${server.identityCreated ? 'Neuer Serverschlüssel erzeugt / new server key created. ' : ''}Fingerabdruck / fingerprint: ${server.fingerprint}`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Fehler beim Start / startup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
