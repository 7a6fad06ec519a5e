import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from '../shared/ids';
import { formatHlc } from '../shared/hlc';
import type { FieldChange, PushBatch } from '../shared/sync';
import { auditPath } from '../shared/sync/audit-protocol';
import type { PersonInput } from '../shared/domain/person';
import type { SyncStatus } from '../shared/ipc/sync-contract';
import { createTeam, createUser, issueCode } from '../server/src/admin/commands';
import type { Db } from '../server/src/db/adapter';
import { migrate } from '../server/src/db/migrate';
import { findDevice } from '../server/src/sync/devices';
import { applyPush } from '../server/src/sync/push-service';
import { startTestServer, tempIdentity } from '../tests/unit/server/harness';
import { count, makeDevice, removeDevice, type Device } from '../tests/unit/sync/sync-harness';
import { summarise, type Figure } from './report';
import { openBenchDatabase, type BenchDatabase } from './bench-database';
import { readTemplate, templatePerson } from './person-template';

/**
 * Issue 3's device figures, end to end with real device cores (createCore, real encrypted
 * stores in temp folders, driven through `core.handle` like the app) against a real server on
 * loopback — PostgreSQL when one answers, else PGlite:
 *  (a) the push of a typical day: 2,000 field changes on 200 persons, from the start of
 *      `sync.now` until the outbox is empty and acked (the pull that follows is printed apart);
 *  (b) the first full pull of a new device: 10,000 persons with one case each.
 */
const dayPersons = 200;
const dayFieldsPerPerson = 10;
const dayRounds = 3;
const seedPersons = 10_000;
/** changes per seeding push (straight into the server's push service, not timed) */
const seedBatchSize = 6_000;

/** What the bench needs of a server: where it listens, and how to stop it. */
interface BenchServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The county server in a process of its own (bench/sync-server-process.ts) when the database
 * can be shared, as on a real deployment, where server and laptop are different machines and
 * do not share a JS thread; in this process otherwise (PGlite lives in one process only).
 */
async function startBenchServer(database: BenchDatabase, identityPath: string): Promise<{ server: BenchServer; mode: string }> {
  if (!database.shared) {
    return { server: await startTestServer(database.db, identityPath, { rateLimits: loose }), mode: 'server in this process' };
  }
  const entry = fileURLToPath(new URL('./sync-server-process.ts', import.meta.url));
  const child = spawn(process.execPath, [...(process.env.BENCH_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROF_DIR] : []), '--import', 'tsx', entry], {
    env: {
      ...process.env,
      BENCH_SERVER_DATABASE_URL: database.shared.url,
      BENCH_SERVER_SCHEMA: database.shared.schema,
      BENCH_SERVER_IDENTITY: identityPath,
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`bench server process ended (${code ?? 'signal'}) before listening`)));
    child.once('error', reject);
  });
  return {
    server: {
      url,
      async close() {
        child.stdin.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      },
    },
    mode: `server in a separate process (pid ${child.pid ?? '?'})`,
  };
}

const loose = { perIp: { capacity: 100_000, refillPerSecond: 100_000 }, perDevice: { capacity: 100_000, refillPerSecond: 100_000 }, enrollPerIp: { capacity: 100_000, refillPerSecond: 100_000 } };

async function enrolledDevice(name: string, server: BenchServer, db: Db, user: string): Promise<Device> {
  const device = await makeDevice(name);
  const { code } = await issueCode(db, { user, expiresInMs: 3_600_000 });
  const probe = await device.call('sync.probeServer', { serverUrl: server.url });
  await device.call('sync.enroll', { serverUrl: server.url, code, expectedFingerprint: probe.fingerprint, deviceName: name });
  return device;
}

function personInput(i: number, variant: number): PersonInput {
  return {
    familyName: `Familienname ${i} v${variant}`,
    givenNames: `Vorname ${i} v${variant}`,
    otherSpellings: variant === 0 ? [] : [`Schreibweise ${i}-${variant}`],
    birthDate: { kind: 'year', year: 1950 + ((i + variant) % 60) },
    gender: variant % 2 === 0 ? 'weiblich' : 'maennlich',
    nationalities: variant % 2 === 0 ? ['SYR'] : ['AFG'],
    languages: variant === 0 ? [] : [{ language: 'ar', interpreterNeeded: variant % 2 === 1 }],
    residence: { status: variant % 2 === 0 ? 'aufenthaltsgestattung' : 'aufenthaltserlaubnis' },
    arrivalDate: `20${10 + (variant % 10)}-0${1 + (i % 9)}-1${i % 10}`,
    phone: `0170 ${100_000 + i + variant}`,
    address: { street: `Straße ${i}`, postalCode: '40878' },
  };
}

/** The push part of one `sync.now`: from its start until the first pull request leaves (the last ack is stored). */
async function timedSync(
  device: Device,
): Promise<{ pushMs: number; totalMs: number; auditMs: number; status: SyncStatus; pushRequests: number; pullRequests: number; auditRequests: number }> {
  let firstPullAt: number | null = null;
  let firstAuditAt: number | null = null;
  let pushRequests = 0;
  let pullRequests = 0;
  let auditRequests = 0;
  device.intercept = (url, _init, forward) => {
    if (url.endsWith('/v1/pull')) {
      pullRequests++;
      firstPullAt ??= performance.now();
    } else if (url.endsWith('/v1/push')) pushRequests++;
    else if (url.endsWith(auditPath)) {
      auditRequests++;
      firstAuditAt ??= performance.now();
    }
    return forward();
  };
  const started = performance.now();
  const status = await device.call('sync.now', {});
  const ended = performance.now();
  device.intercept = null;
  return {
    pushMs: (firstPullAt ?? ended) - started,
    totalMs: ended - started,
    // the audit upload comes after the pull; what follows it (document sync) is nothing here
    auditMs: firstAuditAt === null ? 0 : ended - firstAuditAt,
    status,
    pushRequests,
    pullRequests,
    auditRequests,
  };
}

async function benchDayPush(server: BenchServer, db: Db): Promise<Figure[]> {
  await createTeam(db, { name: 'Bench-Tag' });
  await createUser(db, { name: 'bench.tag', teams: ['Bench-Tag'] });
  const device = await enrolledDevice('tag', server, db, 'bench.tag');
  try {
    const ids: string[] = [];
    for (let i = 0; i < dayPersons; i++) ids.push((await device.call('persons.create', personInput(i, 0))).id);
    const setup = await timedSync(device);
    if (setup.status.pendingChanges !== 0 || setup.status.lastError) throw new Error(`setup sync failed: ${JSON.stringify(setup.status.lastError)}`);

    const samples: { pushMs: number; totalMs: number; pushRequests: number }[] = [];
    for (let round = 1; round <= dayRounds; round++) {
      // A day: every person edited once, ten of its fields changed → 2,000 field changes.
      for (let i = 0; i < dayPersons; i++) await device.call('persons.update', { id: ids[i]!, person: personInput(i, round) });
      const waiting = (await device.call('sync.status', {})).pendingChanges;
      if (waiting !== dayPersons * dayFieldsPerPerson) throw new Error(`expected ${dayPersons * dayFieldsPerPerson} waiting changes, found ${waiting}`);
      const run = await timedSync(device);
      if (run.status.pendingChanges !== 0 || run.status.lastError) throw new Error(`day sync failed: ${JSON.stringify(run.status.lastError)}`);
      samples.push(run);
    }
    const push = summarise(samples.map((s) => s.pushMs));
    const total = summarise(samples.map((s) => s.totalMs));
    const changes = dayPersons * dayFieldsPerPerson;
    const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
    return [
      {
        name: `push of a day: ${changes} changes on ${dayPersons} persons (median)`,
        value: push.p50,
        unit: 'ms',
        budget: 300,
        note: `${samples[0]!.pushRequests} batches; runs ${list(samples.map((s) => s.pushMs))} ms`,
      },
      { name: 'push of a day: rate', value: changes / (push.p50 / 1000), unit: 'changes/s' },
      { name: 'the whole sync.now of that day (push + pull back)', value: total.p50, unit: 'ms', note: `runs ${list(samples.map((s) => s.totalMs))} ms` },
    ];
  } finally {
    removeDevice(device);
  }
}

/**
 * 10,000 persons and their cases, as a device's write path makes them: the field values are
 * those of one person and one case (with its 'open' phase event) made through the core, with
 * names and ids varied. Pushed
 * straight into the server's push service (the same code as /v1/push, without the envelope).
 */
async function seedServer(db: Db, seed: Device, persons: number): Promise<number> {
  const made = await seed.call('persons.create', personInput(0, 1));
  await seed.call('cases.open', { personId: made.id, overrideReason: 'Bench: Zielgruppe nicht geprüft' });
  const template = await readTemplate(seed);
  const deviceId = await seed.read((sdb) => (sdb.prepare('SELECT device_id FROM sync_state WHERE id = 1').get() as { device_id: string | null }).device_id);
  const record = deviceId === null ? null : await findDevice(db, deviceId);
  if (!record) throw new Error('seed device not found on the server');
  const teamId = made.teamId!;

  const millis = Date.now() - 3_600_000;
  let counter = 0;
  const stamp = () => formatHlc({ millis, counter: counter++, deviceId: record.id });
  let batch: FieldChange[] = [];
  let batchSeq = 0;
  let total = 0;
  const deps = { db, now: Date.now, newId: () => uuidv7() };
  const flush = async () => {
    if (batch.length === 0) return;
    const pushBatch: PushBatch = { deviceId: record.id, batchSeq: ++batchSeq, changes: batch };
    await applyPush(deps, record, pushBatch);
    total += batch.length;
    batch = [];
  };
  for (let i = 0; i < persons; i++) {
    for (const change of templatePerson(template, i, stamp)) batch.push({ ...change, deviceId: record.id, teamId, baseSeq: null });
    if (batch.length >= seedBatchSize) await flush();
  }
  await flush();
  return total;
}

async function benchInitialPull(server: BenchServer, db: Db, persons: number): Promise<Figure[]> {
  await createTeam(db, { name: 'Bench-Kreis' });
  await createUser(db, { name: 'bench.seed', teams: ['Bench-Kreis'] });
  await createUser(db, { name: 'bench.neu', teams: ['Bench-Kreis'] });
  const seed = await enrolledDevice('seed', server, db, 'bench.seed');
  const seedStarted = performance.now();
  let seeded: number;
  try {
    seeded = await seedServer(db, seed, persons);
  } finally {
    removeDevice(seed);
  }
  const seedMs = performance.now() - seedStarted;

  const fresh = await enrolledDevice('neu', server, db, 'bench.neu');
  try {
    const run = await timedSync(fresh);
    if (run.status.lastError) throw new Error(`initial pull failed: ${run.status.lastError.message}`);
    fresh.close();
    const [personsHere, casesHere, auditEntries] = await fresh.read((ldb) => [
      count(ldb, 'SELECT count(*) AS n FROM persons'),
      count(ldb, 'SELECT count(*) AS n FROM cases'),
      count(ldb, 'SELECT count(*) AS n FROM audit_log'),
    ]);
    // The seed device's own person and case are in the count too.
    if (personsHere < persons || casesHere < persons) throw new Error(`initial pull incomplete: ${personsHere} persons, ${casesHere} cases`);
    return [
      {
        name: `initial pull of a new device: ${persons} persons + cases`,
        value: run.totalMs / 1000,
        unit: 's',
        budget: 10,
        note: `${seeded} field changes, ${run.pullRequests} pages; includes the audit upload of the pull's ${auditEntries} entries in ${run.auditRequests} requests, ${(run.auditMs / 1000).toFixed(2)} s`,
      },
      { name: 'initial pull: rate', value: seeded / (run.totalMs / 1000), unit: 'changes/s' },
      { name: 'initial pull: rows arrived', value: personsHere + casesHere, unit: 'rows', note: `server seeded in ${(seedMs / 1000).toFixed(1)} s, untimed` },
    ];
  } finally {
    removeDevice(fresh);
  }
}

export async function benchSyncDevice(options: { persons?: number } = {}): Promise<Figure[]> {
  const database = await openBenchDatabase('device');
  const { db, backend, dispose } = database;
  const identity = await tempIdentity();
  await migrate(db);
  const { server, mode } = await startBenchServer(database, identity.path);
  try {
    console.log(`  (real device cores against a server on loopback, ${mode}, on ${backend})`);
    return [...(await benchDayPush(server, db)), ...(await benchInitialPull(server, db, options.persons ?? seedPersons))];
  } finally {
    await server.close();
    await dispose();
    await identity.dispose();
  }
}

if (process.argv[1]?.endsWith('sync-device.ts')) {
  const { printFigure } = await import('./report');
  for (const figure of await benchSyncDevice()) printFigure(figure);
}
