import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOCUMENT_CHUNK_BYTES, MAX_DOCUMENT_BYTES } from '../../../shared/domain/document';
import type { Core } from '../../../electron/core/index';
import { databasePath } from '../../../electron/core/profiles/paths';
import { call, createProfile, fail, fileContains, makeCore, password, samplePerson, tempDir, withDatabase } from '../core/helpers';
import { fakePdf, fakePng, pdfMarker, sha256 } from './fixtures';

const count = (db: import('../../../electron/core/db-types').Db, sql: string, ...params: unknown[]) =>
  (db.prepare(sql).get(...params) as { n: number }).n;

describe('documents on one device', () => {
  let dir: string;
  let cleanup: () => void;
  let core: Core;
  let profileId: string;
  let personId: string;

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    core = makeCore(dir);
    profileId = await createProfile(core);
    personId = (await call(core, 'persons.create', samplePerson())).id;
  });
  afterEach(() => {
    core.close();
    cleanup();
  });

  /** A consent or contact row as another module would have written it (only its person matters here). */
  async function ownerRow(table: 'consents' | 'contacts', ofPerson: string): Promise<string> {
    const id = randomUUID();
    core.close();
    await withDatabase(dir, profileId, (db) => {
      const at = new Date().toISOString();
      db.prepare(`INSERT INTO ${table} (id, person_id, created_at, updated_at) VALUES (?, ?, ?, ?)`).run(id, ofPerson, at, at);
    });
    await call(core, 'session.unlock', { profileId, password });
    return id;
  }

  const add = (bytes: Buffer, extra: Partial<{ ownerKind: 'person' | 'case' | 'consent' | 'contact'; ownerId: string; mimeType: 'application/pdf' | 'image/jpeg' | 'image/png' }> = {}) =>
    ({
      personId,
      ownerKind: extra.ownerKind ?? 'person',
      ownerId: extra.ownerId ?? personId,
      fileName: 'Einwilligung.pdf',
      mimeType: extra.mimeType ?? 'application/pdf',
      dataBase64: bytes.toString('base64'),
    }) as const;

  it('add, list and content round trip: identical bytes, sha256, several chunks, reading is audited', async () => {
    const bytes = fakePdf(DOCUMENT_CHUNK_BYTES * 2 + 1234);
    const added = await call(core, 'documents.add', add(bytes));
    expect(added).toMatchObject({ personId, ownerKind: 'person', ownerId: personId, fileName: 'Einwilligung.pdf', sizeBytes: bytes.length, sha256: sha256(bytes), contentAvailable: true, addedBy: 'Erika Beispiel' });

    const caseId = (await call(core, 'cases.open', { personId, overrideReason: 'Test' })).id;
    const png = fakePng(500);
    const onCase = await call(core, 'documents.add', { ...add(png, { ownerKind: 'case', ownerId: caseId, mimeType: 'image/png' }), fileName: 'Scan.png' });

    expect((await call(core, 'documents.list', { personId })).map((d) => d.id).sort()).toEqual([added.id, onCase.id].sort());
    expect((await call(core, 'documents.list', { personId, ownerKind: 'case', ownerId: caseId })).map((d) => d.id)).toEqual([onCase.id]);
    expect(await call(core, 'documents.list', { personId, ownerKind: 'consent' })).toEqual([]);

    const content = await call(core, 'documents.content', { id: added.id });
    expect(content).toMatchObject({ id: added.id, mimeType: 'application/pdf', fileName: 'Einwilligung.pdf' });
    expect(Buffer.from(content.dataBase64, 'base64').equals(bytes)).toBe(true);
    expect(Buffer.from((await call(core, 'documents.content', { id: onCase.id })).dataBase64, 'base64').equals(png)).toBe(true);

    core.close();
    await withDatabase(dir, profileId, (db) => {
      expect(count(db, 'SELECT count(*) AS n FROM document_chunks WHERE document_id = ?', added.id)).toBe(3);
      expect(count(db, "SELECT count(*) AS n FROM outbox WHERE entity = 'documents' AND row_id = ?", added.id)).toBeGreaterThan(5);
      expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'read' AND entity = 'documents' AND row_id = ?", added.id)).toBe(1);
      expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'create' AND entity = 'documents' AND row_id = ?", added.id)).toBe(1);
      // audit details name fields only, never the file name
      const details = db.prepare("SELECT details FROM audit_log WHERE entity = 'documents'").all() as { details: string }[];
      expect(details.some((d) => d.details.includes('Einwilligung.pdf'))).toBe(false);
    });
  });

  it('refuses a file over 15 MB with its size in the message, and stores nothing of it', async () => {
    const big = Buffer.alloc(Math.round(17.3 * 1024 * 1024 - 20_000), 0x20);
    Buffer.from('%PDF-1.4\n').copy(big);
    const error = await fail(core, 'documents.add', add(big));
    expect(error).toMatchObject({ code: 'TOO_LARGE', message: 'Die Datei ist 17,3 MB groß; erlaubt sind höchstens 15 MB.' });

    // one byte over: rounded up, never "15,0 MB"
    const justOver = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20);
    Buffer.from('%PDF-1.4\n').copy(justOver);
    expect((await fail(core, 'documents.add', add(justOver))).message).toBe('Die Datei ist 15,1 MB groß; erlaubt sind höchstens 15 MB.');

    // exactly the limit is accepted
    const atLimit = Buffer.alloc(MAX_DOCUMENT_BYTES, 0x20);
    Buffer.from('%PDF-1.4\n').copy(atLimit);
    const accepted = await call(core, 'documents.add', add(atLimit));
    expect(accepted.sizeBytes).toBe(MAX_DOCUMENT_BYTES);

    core.close();
    await withDatabase(dir, profileId, (db) => {
      expect(count(db, 'SELECT count(*) AS n FROM documents')).toBe(1);
      expect(count(db, 'SELECT count(*) AS n FROM document_chunks')).toBe(MAX_DOCUMENT_BYTES / DOCUMENT_CHUNK_BYTES);
    });
  });

  it('refuses content that is not what its type says, and base64 that is not canonical', async () => {
    const pdf = fakePdf(2000);
    expect(await fail(core, 'documents.add', add(pdf, { mimeType: 'image/png' }))).toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: 'Der Inhalt der Datei ist kein PNG. Erlaubt sind PDF-, JPEG- und PNG-Dateien; bitte wählen Sie die richtige Datei.',
    });
    const exe = Buffer.concat([Buffer.from('MZ'), fakePdf(500)]);
    expect((await fail(core, 'documents.add', add(exe))).code).toBe('UNSUPPORTED_FILE');

    const valid = add(pdf).dataBase64;
    for (const broken of [`${valid.slice(0, 40)}\n${valid.slice(40)}`, `${valid.slice(0, -4)}!!!!`, 'JVBERi0x====', '']) {
      expect((await fail(core, 'documents.add', { ...add(pdf), dataBase64: broken })).code).toBe('UNSUPPORTED_FILE');
    }
    // a non-canonical last character (padding bits set) would decode to the same bytes as another text
    const jpeg = add(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x01]), { mimeType: 'image/jpeg' }).dataBase64; // "/9j/4AE="
    expect((await fail(core, 'documents.add', { ...add(pdf), mimeType: 'image/jpeg', dataBase64: `${jpeg.slice(0, -2)}F=` })).code).toBe('UNSUPPORTED_FILE');
    expect(await call(core, 'documents.list', { personId })).toEqual([]);
  });

  it('the owner must exist and belong to the same person', async () => {
    const other = (await call(core, 'persons.create', samplePerson({ familyName: 'Andere' }))).id;
    const otherCase = (await call(core, 'cases.open', { personId: other, overrideReason: 'Test' })).id;
    const otherConsent = await ownerRow('consents', other);
    const ownConsent = await ownerRow('consents', personId);
    const ownContact = await ownerRow('contacts', personId);
    const pdf = fakePdf(1000);

    expect(await fail(core, 'documents.add', add(pdf, { ownerKind: 'case', ownerId: otherCase }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Fall') });
    expect(await fail(core, 'documents.add', add(pdf, { ownerKind: 'consent', ownerId: otherConsent }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Einwilligung') });
    expect((await fail(core, 'documents.add', add(pdf, { ownerKind: 'contact', ownerId: randomUUID() }))).code).toBe('NOT_FOUND');
    expect((await fail(core, 'documents.add', add(pdf, { ownerKind: 'person', ownerId: other }))).code).toBe('NOT_FOUND');
    expect((await fail(core, 'documents.add', { ...add(pdf), personId: randomUUID(), ownerId: randomUUID() })).code).toBe('NOT_FOUND');

    await call(core, 'documents.add', add(pdf, { ownerKind: 'consent', ownerId: ownConsent }));
    await call(core, 'documents.add', add(pdf, { ownerKind: 'contact', ownerId: ownContact }));
    expect((await call(core, 'documents.list', { personId, ownerKind: 'consent', ownerId: ownConsent })).length).toBe(1);
    expect((await fail(core, 'documents.list', { personId: randomUUID() })).code).toBe('NOT_FOUND');
  });

  it('remove leaves a synced tombstone and takes the content off the device', async () => {
    const doc = await call(core, 'documents.add', add(fakePdf(3000)));
    expect(await call(core, 'documents.remove', { id: doc.id })).toEqual({ removed: true });
    expect(await call(core, 'documents.list', { personId })).toEqual([]);
    expect((await fail(core, 'documents.content', { id: doc.id })).code).toBe('NOT_FOUND');
    expect((await fail(core, 'documents.remove', { id: doc.id })).code).toBe('NOT_FOUND');
    core.close();
    await withDatabase(dir, profileId, (db) => {
      expect(count(db, 'SELECT count(*) AS n FROM document_chunks')).toBe(0);
      const tombstone = db.prepare("SELECT value FROM outbox WHERE entity = 'documents' AND field = 'deleted_at' ORDER BY seq DESC").get() as { value: string };
      expect(JSON.parse(tombstone.value)).toEqual(expect.any(String));
    });
  });

  it('content not yet transferred, or damaged at rest, is said so plainly', async () => {
    const doc = await call(core, 'documents.add', add(fakePdf(DOCUMENT_CHUNK_BYTES + 10)));
    core.close();
    await withDatabase(dir, profileId, (db) => db.prepare('DELETE FROM document_chunks WHERE document_id = ? AND idx = 1').run(doc.id));
    await call(core, 'session.unlock', { profileId, password });
    expect((await call(core, 'documents.list', { personId }))[0]!.contentAvailable).toBe(false);
    expect(await fail(core, 'documents.content', { id: doc.id })).toEqual({
      code: 'NOT_FOUND',
      message: 'Der Inhalt dieses Dokuments wurde noch nicht übertragen. Bitte synchronisieren.',
    });

    const second = await call(core, 'documents.add', add(fakePdf(5000)));
    core.close();
    await withDatabase(dir, profileId, (db) => db.prepare('UPDATE document_chunks SET data = ? WHERE document_id = ?').run(fakePdf(5000), second.id));
    await call(core, 'session.unlock', { profileId, password });
    expect((await fail(core, 'documents.content', { id: second.id })).message).toContain('beschädigt');
  });

  it('keeps the content encrypted at rest: the marker is in neither the db nor its WAL', async () => {
    const bytes = fakePdf(DOCUMENT_CHUNK_BYTES + 5000);
    expect(bytes.includes(Buffer.from(pdfMarker))).toBe(true);
    await call(core, 'documents.add', add(bytes));
    const dbFile = databasePath(dir, profileId);
    for (const file of [dbFile, `${dbFile}-wal`]) expect(fileContains(file, pdfMarker)).toBe(false);
    core.close();
    for (const file of [dbFile, `${dbFile}-wal`]) expect(fileContains(file, pdfMarker)).toBe(false);
    await call(core, 'session.unlock', { profileId, password });
    const [doc] = await call(core, 'documents.list', { personId });
    expect(Buffer.from((await call(core, 'documents.content', { id: doc!.id })).dataBase64, 'base64').equals(bytes)).toBe(true);
  });
});
