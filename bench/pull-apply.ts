import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { uuidv7 } from '../shared/ids';
import { formatHlc, HybridClock } from '../shared/hlc';
import { DEFAULT_PULL_LIMIT, type PulledChange, type PullPage } from '../shared/sync';
import type { PersonInput } from '../shared/domain/person';
import { makeDevice, removeDevice } from '../tests/unit/sync/sync-harness';
import { openEncryptedDatabase } from '../electron/core/store/open-db';
import { applyPullPage } from '../electron/core/sync/pull-apply';
import { readTemplate, templatePerson, type TemplateRow } from './person-template';
import type { Figure } from './report';

/**
 * The device's share of a first pull, without server, network or envelope: pages of pulled
 * changes (the field values of one person and one case made through a real core, with ids and
 * names varied) applied to a fresh encrypted store, page by page, each in its transaction —
 * the part of "initial pull" that is SQLite and merge work. A diagnostic beside the end-to-end
 * figure, so that a change to the apply path is measured without the noise of a server.
 */
const templatePersonInput: PersonInput = {
  familyName: 'Muster',
  givenNames: 'Erika',
  otherSpellings: ['Mustar'],
  birthDate: { kind: 'year', year: 1980 },
  gender: 'weiblich',
  nationalities: ['SYR'],
  languages: [{ language: 'ar', interpreterNeeded: true }],
  residence: { status: 'aufenthaltsgestattung' },
  arrivalDate: '2016-01-10',
  phone: '0170 100000',
  address: { street: 'Straße 1', postalCode: '40878' },
};

async function templateChanges(): Promise<TemplateRow[]> {
  const seed = await makeDevice('apply-template');
  try {
    const made = await seed.call('persons.create', templatePersonInput);
    await seed.call('cases.open', { personId: made.id, overrideReason: 'Bench: Zielgruppe nicht geprüft' });
    return await readTemplate(seed);
  } finally {
    removeDevice(seed);
  }
}

function pulledChanges(template: readonly TemplateRow[], persons: number): PulledChange[] {
  const teamId = uuidv7();
  const deviceId = uuidv7();
  const userId = uuidv7();
  const millis = Date.now() - 3_600_000;
  let counter = 0;
  let serverSeq = 0;
  const stamp = () => formatHlc({ millis, counter: counter++, deviceId });
  const out: PulledChange[] = [];
  for (let i = 0; i < persons; i++) {
    for (const change of templatePerson(template, i, stamp)) out.push({ ...change, deviceId, userId, teamId, serverSeq: ++serverSeq });
  }
  return out;
}

export async function benchPullApply(options: { persons?: number; pageSize?: number } = {}): Promise<Figure[]> {
  const persons = options.persons ?? 10_000;
  const pageSize = options.pageSize ?? Number(process.env.BENCH_PULL_PAGE ?? DEFAULT_PULL_LIMIT);
  const changes = pulledChanges(await templateChanges(), persons);
  const dir = mkdtempSync(join(tmpdir(), 'kim-bench-apply-'));
  const db = openEncryptedDatabase(join(dir, 'apply.db'), randomBytes(32));
  try {
    const clock = new HybridClock(uuidv7());
    let pages = 0;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (let at = 0; at < changes.length; at += pageSize) {
      const slice = changes.slice(at, at + pageSize);
      const page: PullPage = {
        changes: slice,
        purges: [],
        nextCursor: String(slice[slice.length - 1]!.serverSeq),
        hasMore: at + pageSize < changes.length,
        serverTime: Date.now(),
      };
      applyPullPage({ db, clock, now: Date.now }, page, { retryUnknown: pages === 0 });
      pages++;
    }
    const elapsed = performance.now() - started;
    // CPU time beside wall time: other work on a busy machine inflates the one, hardly the other.
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const rows = (db.prepare('SELECT (SELECT count(*) FROM persons) + (SELECT count(*) FROM cases) AS n').get() as { n: number }).n;
    if (rows < 2 * persons) throw new Error(`apply incomplete: ${rows} persons and cases`);
    return [
      {
        name: `device apply of a first pull: ${persons} persons + cases (no network)`,
        value: elapsed / 1000,
        unit: 's',
        note: `${changes.length} field changes in ${pages} pages of ${pageSize}; CPU ${cpuSeconds.toFixed(2)} s; diagnostic share of the end-to-end figure`,
      },
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
