import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { HybridClock } from '../shared/hlc';
import { uuidv7 } from '../shared/ids';
import type { Db } from '../electron/core/db-types';
import { deriveKey, defaultKdfParams, newKdfSalt } from '../electron/core/crypto/kdf';
import { migrate } from '../electron/core/migrations/migrate';
import { latestSchemaVersion } from '../electron/core/migrations/index';
import { openEncryptedDatabase } from '../electron/core/store/open-db';
import { ensureMeta, loadClock } from '../electron/core/store/meta';
import { personToRow } from '../electron/core/services/person-mapping';
import { personsEntity } from '../electron/core/write/entities';
import { writeEntity, type WriteContext } from '../electron/core/write/write-path';
import { searchPersons } from '../electron/core/search/query';
import { generatePerson, searchQueries, seededRandom } from './generate';
import { summarise, type Figure } from './report';

/**
 * Issue 2's figures: the full write path against a raw insert, a 100,000-person import, search
 * latency over it, the cost of encryption, and the password KDF's cost.
 */
const dataDir = path.resolve('bench/.data');

function openPlaintext(file: string): Db {
  // The same pragmas as the encrypted store, minus the key: the only difference is the cipher.
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  migrate(db);
  return db;
}

function freshDb(name: string, encrypted: boolean): Db {
  const file = path.join(dataDir, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  return encrypted ? openEncryptedDatabase(file, randomBytes(32)) : openPlaintext(file);
}

function contextFor(db: Db): WriteContext {
  const now = Date.now;
  ensureMeta(db, now);
  return { db, clock: loadClock(db, now) as HybridClock, actor: 'Bench', now, schemaVersion: latestSchemaVersion };
}

function savePersons(ctx: WriteContext, count: number, seed: number): number {
  const random = seededRandom(seed);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    writeEntity(ctx, {
      entity: personsEntity,
      kind: 'create',
      rowId: uuidv7(),
      values: { ...personToRow(generatePerson(random, i)), team_id: null },
    });
  }
  return performance.now() - started;
}

function rawInserts(db: Db, count: number, seed: number): number {
  const random = seededRandom(seed);
  const columns = ['id', ...personsEntity.fields, 'updated_at'];
  const insert = db.prepare(`INSERT INTO persons (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const at = new Date().toISOString();
    const row: Record<string, string | number | null> = { ...personToRow(generatePerson(random, i)), team_id: null, created_at: at };
    insert.run(uuidv7(), ...personsEntity.fields.map((f) => row[f] ?? null), at);
  }
  return performance.now() - started;
}

export async function benchLocalStore(options: { persons: number }): Promise<Figure[]> {
  mkdirSync(dataDir, { recursive: true });
  const figures: Figure[] = [];

  // (1) full write path vs raw prepared insert, both encrypted, one transaction per save.
  const saves = 2_000;
  const writeDb = freshDb('write-path', true);
  const writeMs = savePersons(contextFor(writeDb), saves, 1);
  writeDb.close();
  const rawDb = freshDb('raw-insert', true);
  const rawMs = rawInserts(rawDb, saves, 1);
  rawDb.close();
  figures.push(
    { name: 'write path: saves/s (row+clocks+outbox+audit, encrypted)', value: saves / (writeMs / 1000), unit: 'saves/s' },
    { name: 'raw prepared insert: rows/s (encrypted, same rows)', value: saves / (rawMs / 1000), unit: 'rows/s' },
    { name: 'write path / raw insert time ratio', value: writeMs / rawMs, unit: '×', note: 'baseline: raw insert in the same run' },
  );

  // (2) batched import, one transaction per 1,000 persons, through the full write path.
  const importDb = freshDb('import', true);
  const ctx = contextFor(importDb);
  const random = seededRandom(7);
  const importStarted = performance.now();
  for (let batch = 0; batch < options.persons; batch += 1000) {
    importDb.transaction(() => {
      for (let i = batch; i < Math.min(batch + 1000, options.persons); i++) {
        writeEntity(ctx, {
          entity: personsEntity,
          kind: 'create',
          rowId: uuidv7(),
          values: { ...personToRow(generatePerson(random, i)), team_id: null },
        });
      }
    })();
  }
  const importMs = performance.now() - importStarted;
  figures.push(
    { name: `import ${options.persons.toLocaleString('en')} persons (tx per 1,000): total`, value: importMs / 1000, unit: 's' },
    { name: 'import rate', value: options.persons / (importMs / 1000), unit: 'persons/s' },
  );

  // (3) search latency over the imported persons, phonetic matching included. The import's WAL
  // is checkpointed first, as SQLite does on its own in normal use.
  importDb.pragma('wal_checkpoint(TRUNCATE)');
  for (let i = 0; i < 3; i++) for (const query of searchQueries) searchPersons(importDb, query, 50); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const query of searchQueries) {
      const started = performance.now();
      searchPersons(importDb, query, 50);
      samples.push(performance.now() - started);
    }
  }
  importDb.close();
  const search = summarise(samples);
  figures.push(
    { name: `search p50 over ${options.persons.toLocaleString('en')} persons`, value: search.p50, unit: 'ms' },
    { name: `search p95 over ${options.persons.toLocaleString('en')} persons`, value: search.p95, unit: 'ms', budget: 25 },
  );

  // (4) the cost of encryption: the same workload on an encrypted and a plaintext database,
  // each on a fresh file, alternating five times so that the machine's noise (fsync latency on a
  // shared VM above all) hits both sides alike; the ratio of the medians is the figure.
  const workload = (encrypted: boolean, run: number): { wallMs: number; cpuMs: number } => {
    const db = freshDb(`cost-${encrypted ? 'encrypted' : 'plain'}-${run}`, encrypted);
    const cpu = process.cpuUsage();
    const started = performance.now();
    savePersons(contextFor(db), 1_000, 3);
    for (let round = 0; round < 5; round++) for (const query of searchQueries) searchPersons(db, query, 50);
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    db.close();
    return { wallMs, cpuMs: (used.user + used.system) / 1000 };
  };
  const encryptedRuns: Array<{ wallMs: number; cpuMs: number }> = [];
  const plainRuns: Array<{ wallMs: number; cpuMs: number }> = [];
  for (let run = 0; run < 5; run++) {
    encryptedRuns.push(workload(true, run));
    plainRuns.push(workload(false, run));
  }
  const median = (values: number[]) => summarise(values).p50;
  figures.push(
    {
      name: 'encryption cost: encrypted / plaintext wall time (1,000 saves + 100 searches)',
      value: median(encryptedRuns.map((r) => r.wallMs)) / median(plainRuns.map((r) => r.wallMs)),
      unit: '×',
      budget: 1.3,
      note: 'medians of 5 alternating runs',
    },
    {
      name: 'encryption cost: encrypted / plaintext CPU time (same runs)',
      value: median(encryptedRuns.map((r) => r.cpuMs)) / median(plainRuns.map((r) => r.cpuMs)),
      unit: '×',
    },
  );

  // The password KDF must cost ≥ 250 ms on a laptop-class CPU (DESIGN.md, Local store).
  const kdfSamples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await deriveKey('korrekt Pferd Batterie Heftklammer', newKdfSalt(), defaultKdfParams);
    kdfSamples.push(performance.now() - started);
  }
  figures.push({
    name: `password KDF (scrypt N=2^${Math.log2(defaultKdfParams.N)}, r=${defaultKdfParams.r}, p=${defaultKdfParams.p}) median`,
    value: summarise(kdfSamples).p50,
    unit: 'ms',
    budget: 250,
    budgetKind: 'min',
  });

  rmSync(dataDir, { recursive: true, force: true });
  return figures;
}
