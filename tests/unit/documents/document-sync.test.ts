import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_CHUNK_BYTES } from '../../../shared/domain/document';
import { backends } from '../server/harness';
import { count, enroll, makeDevice, person, removeDevice, serverCount, startSyncServer, syncNow, type Device, type SyncServer } from '../sync/sync-harness';
import { fakePdf, sha256 } from './fixtures';

const isChunkUpload = (url: string) => url.endsWith('/v1/documents/chunk');
const isChunkFetch = (url: string) => url.endsWith('/v1/documents/fetch');
const megabyte = 1024 * 1024;

/** Lets `allowed` matching requests through, then fails every further one like a dropped connection. */
function cutAfter(match: (url: string) => boolean, allowed: number): Device['intercept'] {
  let seen = 0;
  return async (url, _init, forward) => {
    if (match(url) && ++seen > allowed) throw new TypeError('fetch failed');
    return forward();
  };
}

describe.each(backends)('document content between real devices on $name', (backend) => {
  let server: SyncServer;
  let a: Device;
  let b: Device;
  let c: Device;

  beforeAll(async () => {
    server = await startSyncServer(backend);
    const aylin = await server.user('Aylin Demir', ['Ratingen']);
    const jonas = await server.user('Jonas Weber', ['Ratingen']);
    const olena = await server.user('Olena Koval', ['Mettmann']);
    a = await makeDevice('a');
    b = await makeDevice('b');
    c = await makeDevice('c');
    await enroll(a, server, aylin.code);
    await enroll(b, server, jonas.code);
    await enroll(c, server, olena.code);
  });
  afterAll(async () => {
    [a, b, c].filter(Boolean).forEach(removeDevice);
    await server?.dispose();
  });

  /** A consent row of the person on device A (only its existence and person matter to documents). */
  async function consentOn(device: Device, personId: string): Promise<string> {
    const id = randomUUID();
    await device.read((db) => {
      const at = new Date().toISOString();
      db.prepare('INSERT INTO consents (id, person_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, personId, at, at);
    });
    return id;
  }

  async function attach(device: Device, personId: string, ownerId: string, bytes: Buffer) {
    return device.call('documents.add', {
      personId,
      ownerKind: 'consent',
      ownerId,
      fileName: 'Schweigepflichtentbindung.pdf',
      mimeType: 'application/pdf',
      dataBase64: bytes.toString('base64'),
    });
  }

  const chunkCountOnServer = (id: string) => serverCount(server, 'SELECT count(*) AS n FROM document_chunk WHERE document_id = $1', [id]);

  it('a 1 MB PDF attached to a consent on A arrives on B byte for byte; nothing moves twice', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Dokument', givenNames: 'Dana' }));
    const consentId = await consentOn(a, made.id);
    const bytes = fakePdf(megabyte + 12_345);
    const doc = await attach(a, made.id, consentId, bytes);
    const chunks = Math.ceil(bytes.length / DOCUMENT_CHUNK_BYTES);
    expect(chunks).toBe(5);

    a.requests.length = 0;
    const statusA = await syncNow(a);
    expect(statusA).toMatchObject({ pendingChanges: 0, lastError: null });
    expect(a.requests.filter(isChunkUpload)).toHaveLength(chunks);
    expect(await chunkCountOnServer(doc.id)).toBe(chunks);

    b.requests.length = 0;
    expect((await syncNow(b)).lastError).toBeNull();
    expect(b.requests.filter(isChunkFetch)).toHaveLength(chunks);
    const [onB] = await b.call('documents.list', { personId: made.id, ownerKind: 'consent', ownerId: consentId });
    expect(onB).toMatchObject({ id: doc.id, sha256: doc.sha256, sizeBytes: bytes.length, contentAvailable: true, fileName: 'Schweigepflichtentbindung.pdf' });
    const content = await b.call('documents.content', { id: doc.id });
    expect(Buffer.from(content.dataBase64, 'base64').equals(bytes)).toBe(true);

    // both sides know the server holds it: later runs send no document request at all
    a.requests.length = 0;
    b.requests.length = 0;
    await syncNow(a);
    await syncNow(b);
    expect([...a.requests, ...b.requests].filter((url) => url.includes('/v1/documents/'))).toEqual([]);
  });

  it('an upload cut off after two chunks resumes with only the missing ones; a cut download too', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Abbruch', givenNames: 'Adam' }));
    const consentId = await consentOn(a, made.id);
    const bytes = fakePdf(megabyte);
    const doc = await attach(a, made.id, consentId, bytes);

    a.intercept = cutAfter(isChunkUpload, 2);
    const broken = await syncNow(a);
    // the fields went through; the document error is reported like any sync error
    expect(broken.pendingChanges).toBe(0);
    expect(broken.lastSuccessAt).not.toBeNull();
    expect(broken.lastError).toMatchObject({ code: 'UNREACHABLE', message: expect.stringMatching(/^Dokumente: /) });
    expect(await chunkCountOnServer(doc.id)).toBe(2);

    // B meanwhile: knows the document, has not got its content, and says so
    b.requests.length = 0;
    await syncNow(b);
    expect(b.requests.filter(isChunkFetch)).toHaveLength(2);
    expect((await b.call('documents.list', { personId: made.id }))[0]).toMatchObject({ id: doc.id, contentAvailable: false });
    expect(await b.fail('documents.content', { id: doc.id })).toEqual({
      code: 'NOT_FOUND',
      message: 'Der Inhalt dieses Dokuments wurde noch nicht übertragen. Bitte synchronisieren.',
    });

    a.intercept = null;
    a.requests.length = 0;
    expect((await syncNow(a)).lastError).toBeNull();
    expect(a.requests.filter(isChunkUpload)).toHaveLength(2);
    expect(await chunkCountOnServer(doc.id)).toBe(4);

    // B's download is cut after one more chunk, then resumes with the last one only
    b.intercept = cutAfter(isChunkFetch, 1);
    b.requests.length = 0;
    expect((await syncNow(b)).lastError).toMatchObject({ code: 'UNREACHABLE' });
    b.intercept = null;
    b.requests.length = 0;
    expect((await syncNow(b)).lastError).toBeNull();
    expect(b.requests.filter(isChunkFetch)).toHaveLength(1);
    expect(Buffer.from((await b.call('documents.content', { id: doc.id })).dataBase64, 'base64').equals(bytes)).toBe(true);
  });

  it('a chunk changed on the server is refused by the device; nothing of it is kept', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Manipulation', givenNames: 'Mia' }));
    const consentId = await consentOn(a, made.id);
    const bytes = fakePdf(DOCUMENT_CHUNK_BYTES + 4000);
    const doc = await attach(a, made.id, consentId, bytes);
    await syncNow(a);

    // bytes changed, stored hash left alone: the chunk does not match its hash
    await server.db.query('UPDATE document_chunk SET data = $2 WHERE document_id = $1 AND idx = 1', [doc.id, Buffer.alloc(4000, 1)]);
    const first = await syncNow(b);
    expect(first.lastError).toMatchObject({ code: 'DOCUMENT_DAMAGED', message: expect.stringContaining('verändert') });
    // bytes and hash changed together: each chunk fits, the whole does not match the document's sha256
    const forged = Buffer.alloc(4000, 1);
    await server.db.query('UPDATE document_chunk SET data = $2, sha256 = $3 WHERE document_id = $1 AND idx = 1', [doc.id, forged, sha256(forged)]);
    const second = await syncNow(b);
    expect(second.lastError).toMatchObject({ code: 'DOCUMENT_DAMAGED' });
    expect(second.pendingChanges).toBe(0);
    expect((await b.call('documents.list', { personId: made.id }))[0]).toMatchObject({ contentAvailable: false });
    b.close();
    await b.read((db) => expect(count(db, 'SELECT count(*) AS n FROM document_chunks WHERE document_id = ?', doc.id)).toBe(0));
    await b.call('session.unlock', { profileId: b.profileId, password: 'Kaffee Fahrrad Wolke Sieben' });
  });

  it('a device of another team gets neither the document nor its content', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Fremd', givenNames: 'Fatima' }));
    const consentId = await consentOn(a, made.id);
    const doc = await attach(a, made.id, consentId, fakePdf(5000));
    await syncNow(a);
    c.requests.length = 0;
    expect((await syncNow(c)).lastError).toBeNull();
    expect(c.requests.filter((url) => url.includes('/v1/documents/'))).toEqual([]);
    await c.read((db) => expect(count(db, 'SELECT count(*) AS n FROM documents WHERE id = ?', doc.id)).toBe(0));
  });
});
