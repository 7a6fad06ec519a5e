import Fastify from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uuidv7 } from '../shared/ids';
import type { Envelope, FieldChange } from '../shared/sync';
import { createTeam, createUser, issueCode } from '../server/src/admin/commands';
import { migrate } from '../server/src/db/migrate';
import { buildApp } from '../server/src/http/app';
import { Keyring } from '../server/src/identity/keyring';
import { loadOrCreateIdentity } from '../server/src/identity/store';
import { TestDevice } from '../tests/unit/server/test-device';
import { summarise, type Figure } from './report';
import { openBenchDatabase } from './bench-database';

/**
 * Issue 3's server figures: 200 devices pushing at once, the ingest rate, and — as a baseline in
 * the same run — the same bytes POSTed to a trivial handler. On PostgreSQL when one answers
 * (BENCH_DATABASE_URL, TEST_DATABASE_URL, or the local default), else on PGlite with a note.
 */
const deviceCount = 200;
const personsPerDevice = 10;
const fieldsPerPerson = 5;

function dayOfChanges(device: TestDevice, teamId: string): FieldChange[] {
  const changes: FieldChange[] = [];
  for (let p = 0; p < personsPerDevice; p++) {
    const rowId = uuidv7();
    for (let f = 0; f < fieldsPerPerson; f++) {
      changes.push(device.change({ entity: 'persons', rowId, field: `field_${f}`, value: `Wert ${p}-${f}`, teamId }));
    }
  }
  return changes;
}

async function timedPosts(url: string, bodies: string[]): Promise<{ wallMs: number; latencies: number[]; ok: number }> {
  const started = performance.now();
  const latencies: number[] = [];
  let ok = 0;
  await Promise.all(
    bodies.map(async (body) => {
      const t0 = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (response.status === 200) ok++;
    }),
  );
  return { wallMs: performance.now() - started, latencies, ok };
}

export async function benchSyncServer(): Promise<Figure[]> {
  const { db, backend, dispose } = await openBenchDatabase('server', 16);
  const identityDir = await mkdtemp(path.join(tmpdir(), 'kim-bench-identity-'));
  const identityPath = path.join(identityDir, 'server-identity.json');
  await loadOrCreateIdentity(identityPath);
  await migrate(db);
  const keyring = await Keyring.fromFile(identityPath);
  // 200 laptops on one loopback address: the per-IP limit is for the internet, not this bench.
  const { app } = buildApp({
    db,
    keyring,
    logLevel: false,
    rateLimits: { perIp: { capacity: 100_000, refillPerSecond: 100_000 }, enrollPerIp: { capacity: 100_000, refillPerSecond: 100_000 } },
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });

  const team = await createTeam(db, { name: 'Bench-Team' });
  await createUser(db, { name: 'bench.user', teams: ['Bench-Team'] });
  const devices: TestDevice[] = [];
  for (let i = 0; i < deviceCount; i++) {
    const { code } = await issueCode(db, { user: 'bench.user', expiresInMs: 3_600_000 });
    devices.push(await TestDevice.enroll(url, code));
  }
  const envelopes: Envelope[] = await Promise.all(
    devices.map((device) => device.sealPush({ deviceId: device.id, batchSeq: 1, changes: dayOfChanges(device, team.id) })),
  );
  const bodies = envelopes.map((envelope) => JSON.stringify(envelope));

  const pushes = await timedPosts(`${url}/v1/push`, bodies);
  const pushStats = summarise(pushes.latencies);
  const totalChanges = deviceCount * personsPerDevice * fieldsPerPerson;

  // Baseline: the same bytes, the same concurrency, a handler that only parses and answers.
  const trivial = Fastify({ bodyLimit: 16 * 1024 * 1024 });
  trivial.post('/echo', async () => ({ ok: true }));
  const trivialUrl = await trivial.listen({ host: '127.0.0.1', port: 0 });
  const baseline = await timedPosts(`${trivialUrl}/echo`, bodies);
  await trivial.close();

  await app.close();
  await dispose();
  await rm(identityDir, { recursive: true, force: true });

  return [
    { name: `${deviceCount} devices pushing at once (${backend}): succeeded`, value: pushes.ok, unit: `of ${deviceCount}`, budget: deviceCount, budgetKind: 'min' },
    { name: 'concurrent push latency p50', value: pushStats.p50, unit: 'ms' },
    { name: 'concurrent push latency p99', value: pushStats.p99, unit: 'ms' },
    { name: 'server ingest rate', value: totalChanges / (pushes.wallMs / 1000), unit: 'changes/s', note: `${totalChanges} changes in ${pushes.wallMs.toFixed(0)} ms` },
    { name: 'same bytes as plain POSTs to a trivial handler', value: baseline.wallMs, unit: 'ms' },
    { name: 'push / plain POST wall-time ratio', value: pushes.wallMs / baseline.wallMs, unit: '×', note: 'baseline in the same run' },
  ];
}
