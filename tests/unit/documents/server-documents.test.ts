import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_CHUNK_BYTES } from '../../../shared/domain/document';
import { uuidv7 } from '../../../shared/ids';
import { documentChunkAckSchema, documentEnvelopeKinds, documentSyncMessages } from '../../../shared/sync/documents-protocol';
import type { Db } from '../../../server/src/db/adapter';
import { backends, startTestServer, teamWithUser, tempIdentity, type TestDatabase, type TestServer } from '../server/harness';
import { TestDevice } from '../server/test-device';
import { chunksOf, fetchChunk, sendDocumentRequest, status, uploadChunk } from './doc-client';
import { fakePdf, pdfMarker, sha256 } from './fixtures';

const fast = { capacity: 100_000, refillPerSecond: 100_000 };

describe.each(backends)('document routes of the server on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;
  let identity: Awaited<ReturnType<typeof tempIdentity>>;
  let server: TestServer;
  let teamA: string;
  let a1: TestDevice;
  let a2: TestDevice;
  let other: TestDevice;
  const logLines: string[] = [];

  beforeAll(async () => {
    database = await backend.create();
    db = await database.connect();
    identity = await tempIdentity();
    server = await startTestServer(db, identity.path, {
      rateLimits: { perIp: fast, perDevice: fast, enrollPerIp: fast },
      logLevel: 'info',
      logStream: { write: (line) => void logLines.push(line) },
    });
    const ratingen = await teamWithUser(db, 'Ratingen', 'Aylin Demir');
    const colleague = await teamWithUser(db, 'Ratingen', 'Jonas Weber');
    const mettmann = await teamWithUser(db, 'Mettmann', 'Olena Koval');
    teamA = ratingen.teamId;
    a1 = await TestDevice.enroll(server.url, ratingen.code);
    a2 = await TestDevice.enroll(server.url, colleague.code);
    other = await TestDevice.enroll(server.url, mettmann.code);
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
    await identity?.dispose();
  });

  /** The metadata row as a device pushes it through field sync. */
  async function registerDocument(content: Buffer): Promise<string> {
    const id = uuidv7();
    const fields: Record<string, string | number> = {
      person_id: uuidv7(),
      owner_kind: 'person',
      file_name: 'Scan.pdf',
      mime_type: 'application/pdf',
      size_bytes: content.length,
      sha256: sha256(content),
      chunk_size: DOCUMENT_CHUNK_BYTES,
      chunk_count: Math.ceil(content.length / DOCUMENT_CHUNK_BYTES),
    };
    const ack = await a1.push(Object.entries(fields).map(([field, value]) => a1.change({ entity: 'documents', rowId: id, field, value, teamId: teamA })));
    if (!ack.ok) throw new Error(`push failed: ${ack.error.error.code}`);
    return id;
  }

  it('stores chunks a team member uploads, says which it holds, and gives them to a colleague', async () => {
    const content = fakePdf(DOCUMENT_CHUNK_BYTES * 2 + 999);
    const id = await registerDocument(content);
    const chunks = chunksOf(content);
    expect(await status(a1, [id])).toMatchObject({ ok: true, value: { documents: [{ documentId: id, known: true, held: [] }] } });

    const first = await uploadChunk(a1, { documentId: id, idx: 0, chunkCount: 3, data: chunks[0]! });
    expect(first.ok && first.value).toMatchObject({ idx: 0, duplicate: false, complete: false });
    const again = await uploadChunk(a1, { documentId: id, idx: 0, chunkCount: 3, data: chunks[0]! });
    expect(again.ok && again.value).toMatchObject({ idx: 0, duplicate: true, complete: false });
    await uploadChunk(a1, { documentId: id, idx: 2, chunkCount: 3, data: chunks[2]! });
    expect(await status(a2, [id])).toMatchObject({ ok: true, value: { documents: [{ known: true, held: [0, 2] }] } });
    const last = await uploadChunk(a1, { documentId: id, idx: 1, chunkCount: 3, data: chunks[1]! });
    expect(last.ok && last.value.complete).toBe(true);
    expect(Number((await db.query('SELECT count(*) AS n FROM document_chunk WHERE document_id = $1', [id]))[0]!['n'])).toBe(3);

    const parts: Buffer[] = [];
    for (let idx = 0; idx < 3; idx++) {
      const reply = await fetchChunk(a2, id, idx);
      if (!reply.ok) throw new Error(reply.error.error.code);
      expect(reply.value).toMatchObject({ documentId: id, idx, chunkCount: 3, sha256: sha256(chunks[idx]!) });
      parts.push(Buffer.from(reply.value.data, 'base64url'));
    }
    expect(Buffer.concat(parts).equals(content)).toBe(true);
    // content, names and the marker never reach a log line
    expect(logLines.length).toBeGreaterThan(5);
    expect(logLines.some((line) => line.includes(pdfMarker) || line.includes('Scan.pdf') || line.includes(chunks[0]!.toString('base64url').slice(0, 40)))).toBe(false);
  });

  it('refuses a chunk whose bytes do not match its hash, its place or the document', async () => {
    const content = fakePdf(DOCUMENT_CHUNK_BYTES + 500);
    const id = await registerDocument(content);
    const [c0, c1] = chunksOf(content);
    const tampered = Buffer.from(c0!);
    tampered.writeUInt8(tampered.readUInt8(100) ^ 0xff, 100);
    const badHash = await uploadChunk(a1, { documentId: id, idx: 0, chunkCount: 2, data: tampered, sha256: sha256(c0!) });
    expect(badHash).toMatchObject({ ok: false, status: 400, error: { error: { code: 'INVALID_REQUEST', message: documentSyncMessages.chunkDamaged } } });
    // a short middle chunk, or a chunk count the metadata does not have
    expect(await uploadChunk(a1, { documentId: id, idx: 0, chunkCount: 2, data: c1! })).toMatchObject({ ok: false, error: { error: { message: documentSyncMessages.chunkMismatch } } });
    expect(await uploadChunk(a1, { documentId: id, idx: 0, chunkCount: 3, data: c0! })).toMatchObject({ ok: false, error: { error: { message: documentSyncMessages.chunkMismatch } } });
    expect(await status(a1, [id])).toMatchObject({ ok: true, value: { documents: [{ held: [] }] } });

    // consistent chunks of other content: each passes, the whole fails and is dropped
    const forged = chunksOf(fakePdf(DOCUMENT_CHUNK_BYTES + 500));
    expect((await uploadChunk(a1, { documentId: id, idx: 0, chunkCount: 2, data: forged[0]! })).ok).toBe(true);
    expect(await uploadChunk(a1, { documentId: id, idx: 1, chunkCount: 2, data: forged[1]! })).toMatchObject({ ok: false, error: { error: { message: documentSyncMessages.documentDamaged } } });
    expect(await status(a1, [id])).toMatchObject({ ok: true, value: { documents: [{ held: [] }] } });
    expect(await fetchChunk(a2, id, 0)).toMatchObject({ ok: false, status: 404 });

    // the right content is accepted afterwards; a different chunk at a held place is refused
    await uploadChunk(a1, { documentId: id, idx: 0, chunkCount: 2, data: c0! });
    expect((await uploadChunk(a1, { documentId: id, idx: 1, chunkCount: 2, data: c1! })).ok).toBe(true);
    expect(await uploadChunk(a1, { documentId: id, idx: 0, chunkCount: 2, data: forged[0]! })).toMatchObject({ ok: false, error: { error: { message: documentSyncMessages.chunkMismatch } } });
  });

  it('another team’s device learns nothing and gets nothing; unknown documents are refused', async () => {
    const content = fakePdf(2000);
    const id = await registerDocument(content);
    await uploadChunk(a1, { documentId: id, idx: 0, chunkCount: 1, data: content });
    expect(await status(other, [id])).toMatchObject({ ok: true, value: { documents: [{ documentId: id, known: false, held: [] }] } });
    expect(await fetchChunk(other, id, 0)).toMatchObject({ ok: false, status: 403, error: { error: { code: 'OUT_OF_SCOPE', message: documentSyncMessages.notInScope } } });
    expect(await uploadChunk(other, { documentId: id, idx: 0, chunkCount: 1, data: content })).toMatchObject({ ok: false, error: { error: { code: 'OUT_OF_SCOPE' } } });
    const unknown = uuidv7();
    expect(await uploadChunk(a1, { documentId: unknown, idx: 0, chunkCount: 1, data: content })).toMatchObject({ ok: false, error: { error: { code: 'OUT_OF_SCOPE' } } });
    expect(Number((await db.query('SELECT count(*) AS n FROM document_chunk WHERE document_id = $1', [unknown]))[0]!['n'])).toBe(0);
  });

  it('a body for another device, or on the wrong route, is refused', async () => {
    const content = fakePdf(2000);
    const id = await registerDocument(content);
    const forOther = await sendDocumentRequest(a1, '/v1/documents/fetch', documentEnvelopeKinds.fetch, { type: 'documents.fetch', deviceId: a2.id, documentId: id, idx: 0 }, documentChunkAckSchema);
    expect(forOther).toMatchObject({ ok: false, error: { error: { code: 'INVALID_REQUEST' } } });
    // a chunk upload sealed as 'push' is no push batch, and a push route never stores it
    const onPush = await sendDocumentRequest(
      a1,
      '/v1/push',
      documentEnvelopeKinds.chunk,
      { type: 'documents.chunk', deviceId: a1.id, documentId: id, idx: 0, chunkCount: 1, sha256: sha256(content), data: content.toString('base64url') },
      documentChunkAckSchema,
    );
    expect(onPush).toMatchObject({ ok: false, error: { error: { code: 'INVALID_REQUEST' } } });
  });
});
