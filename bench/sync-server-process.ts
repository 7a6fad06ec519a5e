import { openPostgres } from '../server/src/db/adapter';
import { startTestServer } from '../tests/unit/server/harness';

/**
 * The county server of bench/sync-device.ts in a process of its own (as on a real deployment,
 * where server and laptop are different machines): started by that bench with
 * `node --import tsx`, on the bench's PostgreSQL schema and server identity. Writes its URL as
 * one JSON line to stdout and stops when its stdin closes (so it never outlives the bench).
 */
const url = process.env.BENCH_SERVER_DATABASE_URL;
const schema = process.env.BENCH_SERVER_SCHEMA;
const identityPath = process.env.BENCH_SERVER_IDENTITY;
if (!url || !schema || !identityPath) throw new Error('BENCH_SERVER_DATABASE_URL, BENCH_SERVER_SCHEMA and BENCH_SERVER_IDENTITY are required');

const loose = { capacity: 100_000, refillPerSecond: 100_000 };
const db = openPostgres({ connectionString: url, schema, maxConnections: 8 });
const server = await startTestServer(db, identityPath, { rateLimits: { perIp: loose, perDevice: loose, enrollPerIp: loose } });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server
    .close()
    .then(() => db.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.once('SIGTERM', stop);
