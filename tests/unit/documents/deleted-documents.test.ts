import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_CHUNK_BYTES } from '../../../shared/domain/document';
import { formatHlc } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import { documentSyncMessages } from '../../../shared/sync/documents-protocol';
import type { Db } from '../../../server/src/db/adapter';
import { backends, startTestServer, teamWithUser, tempIdentity, type TestDatabase, type TestServer } from '../server/harness';
import { TestDevice } from '../server/test-device';
import { chunksOf, fetchChunk, status, uploadChunk } from './doc-client';
import { fakePdf, sha256 } from './fixtures';

const fast = { capacity: 100_000, refillPerSecond: 100_000 };

/**
 * A deleted document (its metadata's deleted_at set, pushed as an ordinary field) is unknown to
 * the document routes from the commit of that push on, and its content leaves the server in
 * the same transaction.
 */
describe.each(backends)('deleted documents on the server on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;
  let identity: Awaited<ReturnType<typeof tempIdentity>>;
  let server: TestServer;
  let team: string;
  let a1: TestDevice;
  let a2: TestDevice;

  beforeAll(async () => {
    database = await backend.create();
    db = await database.connect();
    identity = await tempIdentity();
    server = await startTestServer(db, identity.path, { rateLimits: { perIp: fast, perDevice: fast, enrollPerIp: fast } });
    const ratingen = await teamWithUser(db, 'Ratingen', 'Aylin Demir');
    const colleague = await teamWithUser(db, 'Ratingen', 'Jonas Weber');
    team = ratingen.teamId;
    a1 = await TestDevice.enroll(server.url, ratingen.code);
    a2 = await TestDevice.enroll(server.url, colleague.code);
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
    await identity?.dispose();
  });

  async function registerDocument(content: Buffer): Promise<string> {
    const id = uuidv7();
    const fields: Record<string, string | number | null> = {
      person_id: uuidv7(),
      owner_kind: 'person',
      file_name: 'Scan.pdf',
      mime_type: 'application/pdf',
      size_bytes: content.length,
      sha256: sha256(content),
      chunk_size: DOCUMENT_CHUNK_BYTES,
      chunk_count: Math.ceil(content.length / DOCUMENT_CHUNK_BYTES),
      deleted_at: null,
    };
    const ack = await a1.push(Object.entries(fields).map(([field, value]) => a1.change({ entity: 'documents', rowId: id, field, value, teamId: team })));
    if (!ack.ok) throw new Error(`push failed: ${ack.error.error.code}`);
    return id;
  }

  const chunkCount = async (id: string) => Number((await db.query('SELECT count(*) AS n FROM document_chunk WHERE document_id = $1', [id]))[0]!['n']);

  it('after the tombstone: unknown to status, fetch and upload, and its chunks are gone', async () => {
    const content = fakePdf(DOCUMENT_CHUNK_BYTES + 1234);
    const id = await registerDocument(content);
    const chunks = chunksOf(content);
    for (const [idx, data] of chunks.entries()) await uploadChunk(a1, { documentId: id, idx, chunkCount: chunks.length, data });
    expect(await chunkCount(id)).toBe(2);
    expect((await fetchChunk(a2, id, 0)).ok).toBe(true);

    const tombstone = await a2.push([a2.change({ entity: 'documents', rowId: id, field: 'deleted_at', value: '2025-03-14T09:00:00.000Z', teamId: team })]);
    expect(tombstone.ok).toBe(true);

    expect(await chunkCount(id)).toBe(0);
    expect(await status(a1, [id])).toMatchObject({ ok: true, value: { documents: [{ documentId: id, known: false, held: [] }] } });
    expect(await fetchChunk(a1, id, 0)).toMatchObject({ ok: false, status: 403, error: { error: { code: 'OUT_OF_SCOPE', message: documentSyncMessages.notInScope } } });
    expect(await uploadChunk(a1, { documentId: id, idx: 0, chunkCount: chunks.length, data: chunks[0]! })).toMatchObject({
      ok: false,
      error: { error: { code: 'OUT_OF_SCOPE' } },
    });
    expect(await chunkCount(id)).toBe(0);
  });

  it('a tombstone that loses to a newer undelete leaves the content; other documents are untouched', async () => {
    const content = fakePdf(2000);
    const id = await registerDocument(content);
    const keep = await registerDocument(content);
    await uploadChunk(a1, { documentId: id, idx: 0, chunkCount: 1, data: content });
    await uploadChunk(a1, { documentId: keep, idx: 0, chunkCount: 1, data: content });
    const undelete = a1.change({ entity: 'documents', rowId: id, field: 'deleted_at', value: null, teamId: team });
    const stale = a2.change({ entity: 'documents', rowId: id, field: 'deleted_at', value: '2025-03-14T09:00:00.000Z', teamId: team, hlc: formatHlc({ millis: 1, counter: 0, deviceId: a2.id }) });
    expect((await a1.push([undelete])).ok).toBe(true);
    expect((await a2.push([stale])).ok).toBe(true);
    expect(await chunkCount(id)).toBe(1);
    expect(await chunkCount(keep)).toBe(1);
    expect(await status(a1, [id, keep])).toMatchObject({ ok: true, value: { documents: [{ known: true, held: [0] }, { known: true, held: [0] }] } });
  });
});
