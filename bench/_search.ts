import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { HybridClock } from '../shared/hlc';
import { uuidv7 } from '../shared/ids';
import { latestSchemaVersion } from '../electron/core/migrations/index';
import { openEncryptedDatabase } from '../electron/core/store/open-db';
import { ensureMeta, loadClock } from '../electron/core/store/meta';
import { personToRow } from '../electron/core/services/person-mapping';
import { personsEntity } from '../electron/core/write/entities';
import { writeEntity } from '../electron/core/write/write-path';
import { searchPersons } from '../electron/core/search/query';
import { generatePerson, searchQueries, seededRandom } from './generate';
import { summarise } from './report';
const f = '/tmp/search100k.db'; const fresh = process.argv[2] === 'fresh';
const key = Buffer.from('a'.repeat(64), 'hex');
if (fresh) for (const s of ['', '-wal', '-shm']) rmSync(f + s, { force: true });
const db = openEncryptedDatabase(f, key);
if (fresh) {
  ensureMeta(db, Date.now);
  const ctx = { db, clock: loadClock(db, Date.now) as HybridClock, actor: 'b', now: Date.now, schemaVersion: latestSchemaVersion };
  const r = seededRandom(7); const t = performance.now();
  for (let b = 0; b < 100000; b += 1000) db.transaction(() => { for (let i = b; i < b + 1000; i++) writeEntity(ctx, { entity: personsEntity, kind: 'create', rowId: uuidv7(), values: { ...personToRow(generatePerson(r, i)), team_id: null } }); })();
  console.log('import s', ((performance.now() - t) / 1000).toFixed(1));
}
for (let i = 0; i < 3; i++) for (const q of searchQueries) searchPersons(db, q, 50);
for (const q of searchQueries) { const s: number[] = []; let n = 0; for (let i = 0; i < 10; i++) { const t = performance.now(); n = searchPersons(db, q, 50).length; s.push(performance.now() - t); } const st = summarise(s); console.log(q.padEnd(20), 'p50', st.p50.toFixed(1), 'p95', st.p95.toFixed(1), 'n', n); }
db.close();
