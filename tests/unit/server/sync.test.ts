import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../../server/src/admin/commands';
import type { Db } from '../../../server/src/db/adapter';
import { formatHlc } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import {
  fromBase64Url,
  generateIdentity,
  MAX_BODY_BYTES,
  MAX_PULL_LIMIT,
  sealEnvelope,
  toBase64Url,
  verifyErrorProof,
  type FieldChange,
  type PullPage,
} from '../../../shared/sync';
import { backends, startTestServer, teamWithUser, tempIdentity, type TestDatabase, type TestServer } from './harness';
import { TestDevice } from './test-device';

describe.each(backends)('push and pull on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;
  let server: TestServer;
  let identity: Awaited<ReturnType<typeof tempIdentity>>;
  let teamA: string;
  let teamB: string;
  let a1: TestDevice;
  let a2: TestDevice;
  let b1: TestDevice;
  /** a coordinator in both teams */
  let ab: TestDevice;

  beforeAll(async () => {
    database = await backend.create();
    db = await database.connect();
    identity = await tempIdentity();
    server = await startTestServer(db, identity.path);
    const ratingen = await teamWithUser(db, 'Ratingen', 'Aylin Demir');
    const ratingen2 = await teamWithUser(db, 'Ratingen', 'Jonas Weber');
    const mettmann = await teamWithUser(db, 'Mettmann', 'Olena Koval');
    const both = await teamWithUser(db, 'Mettmann', 'Koordination', ['Ratingen', 'Mettmann']);
    teamA = ratingen.teamId;
    teamB = mettmann.teamId;
    a1 = await TestDevice.enroll(server.url, ratingen.code);
    a2 = await TestDevice.enroll(server.url, ratingen2.code);
    b1 = await TestDevice.enroll(server.url, mettmann.code);
    ab = await TestDevice.enroll(server.url, both.code);
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
    await identity?.dispose();
  });

  const count = async (table: 'change_log' | 'field_state' | 'sync_conflict') =>
    Number((await db.query(`SELECT count(*) AS n FROM ${table}`))[0]!['n']);

  it('a person pushed by one device reaches the other device of its team, and only there', async () => {
    const person = uuidv7();
    const ack = await a1.push([
      a1.change({ rowId: person, field: 'familyName', value: 'Yusuf', teamId: teamA }),
      a1.change({ rowId: person, field: 'givenNames', value: ['Jusuf', 'Yusuf'], teamId: teamA }),
      a1.change({ entity: 'caseFile', rowId: uuidv7(), field: 'personId', value: person, teamId: teamA }),
    ]);
    if (!ack.ok) throw new Error(ack.error.error.code);
    expect(ack.value.accepted).toHaveLength(3);
    expect(ack.value.duplicates).toEqual([]);
    expect(ack.value.serverSeqs.every((seq) => seq > 0)).toBe(true);

    const pulled = await a2.pullAll();
    const name = pulled.changes.find((change) => change.rowId === person && change.field === 'familyName');
    expect(name).toMatchObject({ value: 'Yusuf', deviceId: a1.id, teamId: teamA, serverSeq: ack.value.serverSeqs[0] });
    expect(pulled.changes.find((change) => change.field === 'givenNames')?.value).toEqual(['Jusuf', 'Yusuf']);
    expect(pulled.changes.some((change) => change.entity === 'caseFile')).toBe(true);

    const other = await b1.pullAll();
    expect(other.changes.filter((change) => change.teamId === teamA)).toEqual([]);
  });

  it('an edit flows back, and a pull from an old cursor returns only the latest value', async () => {
    const person = uuidv7();
    const first = await a1.push([a1.change({ rowId: person, field: 'phone', value: '0170 1', teamId: teamA })]);
    if (!first.ok) throw new Error('push failed');
    const before = a2.cursor;
    await a2.pullAll();
    const second = await a2.push([a2.change({ rowId: person, field: 'phone', value: '0170 2', teamId: teamA, baseSeq: first.value.serverSeqs[0]! })]);
    expect(second.ok && second.value.conflicts).toEqual([]);
    const pulled = await a1.pullAll();
    expect(pulled.changes.filter((change) => change.rowId === person).map((change) => change.value)).toEqual(['0170 2']);
    const fromOld = await a2.pull(500, before);
    expect(fromOld.ok && fromOld.value.changes.filter((change) => change.rowId === person).map((change) => change.value)).toEqual(['0170 2']);
  });

  it('pages by limit without losing or repeating a change', async () => {
    const person = uuidv7();
    const fields = Array.from({ length: 7 }, (_, i) => `note${i}`);
    await a1.push(fields.map((field) => a1.change({ rowId: person, field, value: field, teamId: teamA })));
    const seen: string[] = [];
    for (let page = 0; page < 50; page++) {
      const reply = await a2.pull(2);
      if (!reply.ok) throw new Error('pull failed');
      expect(reply.value.changes.length).toBeLessThanOrEqual(2);
      seen.push(...reply.value.changes.filter((change) => change.rowId === person).map((change) => change.field));
      if (!reply.value.hasMore) break;
    }
    expect(seen.sort()).toEqual(fields);
  });

  /** Every page from `cursor` on, in one format, leaving the device's own cursor as it was. */
  async function pagesFrom(device: TestDevice, cursor: string, limit: number, format: 'grouped' | 'full') {
    const saved = device.cursor;
    const pages: { changes: PullPage['changes']; purges: PullPage['purges']; bytes: number }[] = [];
    let next = cursor;
    try {
      for (let page = 0; page < 200; page++) {
        const reply = await device.pull(limit, next, undefined, format);
        if (!reply.ok) throw new Error(`pull failed: ${reply.error.error.code}`);
        pages.push({ changes: reply.value.changes, purges: reply.value.purges, bytes: device.lastPageBytes });
        next = reply.value.nextCursor;
        if (!reply.value.hasMore) return pages;
      }
      throw new Error('pull did not end');
    } finally {
      device.cursor = saved;
    }
  }

  it('a grouped page carries exactly the changes an older app gets in full, in the same order and pages', async () => {
    const person = uuidv7();
    const caseId = uuidv7();
    // Each change of a TestDevice has its own stamp: fields of one row differ in hlc (overrides).
    const batches: [TestDevice, FieldChange[]][] = [
      [
        a1,
        [
          a1.change({ rowId: person, field: 'familyName', value: 'Müller-Lüdenscheidt 😀', teamId: teamA }),
          a1.change({ rowId: person, field: 'givenNames', value: ['Anna', 'Ännchen'], teamId: teamA }),
          a1.change({ rowId: person, field: 'address', value: { street: 'Straße "1"\n', postalCode: '40878' }, teamId: teamA }),
          a1.change({ entity: 'caseFile', rowId: caseId, field: 'personId', value: person, teamId: teamA }),
          a1.change({ entity: 'caseFile', rowId: caseId, field: 'phase', value: null, teamId: teamA }),
        ],
      ],
      [a2, [a2.change({ rowId: person, field: 'phone', value: 1.5, teamId: teamA })]],
      [a1, [a1.change({ rowId: person, field: 'nationalities', value: [], teamId: teamA })]],
    ];
    const expected: PullPage['changes'] = [];
    for (const [device, changes] of batches) {
      const ack = await device.push(changes);
      if (!ack.ok) throw new Error(ack.error.error.code);
      changes.forEach(({ baseSeq: _base, ...change }, i) => expected.push({ ...change, userId: device.enrollment.userId, serverSeq: ack.value.serverSeqs[i]! }));
    }
    // Every stored column arrives as it was pushed, in both formats.
    const ours = (changes: PullPage['changes']) => changes.filter((change) => change.rowId === person || change.rowId === caseId);
    expect(ours((await pagesFrom(ab, '0', 10_000, 'grouped')).flatMap((page) => page.changes))).toEqual(expected);
    expect(ours((await pagesFrom(ab, '0', 10_000, 'full')).flatMap((page) => page.changes))).toEqual(expected);
    for (const limit of [1, 3, 10_000]) {
      const grouped = await pagesFrom(ab, '0', limit, 'grouped');
      const full = await pagesFrom(ab, '0', limit, 'full');
      expect(grouped.map((page) => page.changes)).toEqual(full.map((page) => page.changes));
      expect(grouped.map((page) => page.purges)).toEqual(full.map((page) => page.purges));
    }
    // The point of it: far fewer bytes for the same changes.
    const [grouped] = await pagesFrom(ab, '0', 10_000, 'grouped');
    const [full] = await pagesFrom(ab, '0', 10_000, 'full');
    expect(grouped!.changes.length).toBeGreaterThan(5);
    expect(grouped!.bytes).toBeLessThan(full!.bytes * 0.7);
  });

  it('large values end a page at the byte budget, under MAX_BODY_BYTES, whatever the limit', async () => {
    const person = uuidv7();
    const big = (i: number) => `${i} ${'Vermerk äöü '.repeat(7_000)}`;
    for (let batch = 0; batch < 3; batch++) {
      const ack = await a1.push(Array.from({ length: 12 }, (_, i) => a1.change({ rowId: person, field: `note${batch * 12 + i}`, value: big(batch * 12 + i), teamId: teamA })));
      if (!ack.ok) throw new Error(ack.error.error.code);
    }
    for (const format of ['grouped', 'full'] as const) {
      const pages = await pagesFrom(a2, a2.cursor, MAX_PULL_LIMIT, format);
      const notes = pages.flatMap((page) => page.changes).filter((change) => change.rowId === person);
      expect(notes.map((change) => change.value)).toEqual(Array.from({ length: 36 }, (_, i) => big(i)));
      expect(pages.length).toBeGreaterThanOrEqual(3);
      for (const page of pages) expect(page.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES);
    }
  });

  it('the same batch sent twice is applied once and acknowledged twice alike', async () => {
    const person = uuidv7();
    const batch = { deviceId: a1.id, batchSeq: a1.batchSeq + 1, changes: [a1.change({ rowId: person, field: 'familyName', value: 'Haddad', teamId: teamA })] };
    const envelope = await a1.sealPush(batch);
    const first = await a1.postPush(envelope);
    const logBefore = await count('change_log');
    // The connection dropped before the ack: the device sends the batch again — here resealed,
    // with another request id, signature and time.
    const again = await a1.postPush(await a1.sealPush(batch));
    const third = await a1.postPush(envelope);
    a1.batchSeq = batch.batchSeq;
    if (!first.ok || !again.ok || !third.ok) throw new Error('push failed');
    expect(again.value.replayed).toBe(true);
    const { replayed: _r1, serverTime: _t1, ...firstAck } = first.value;
    const { replayed: _r2, serverTime: _t2, ...againAck } = again.value;
    expect(againAck).toEqual(firstAck);
    expect(third.value.accepted).toEqual(first.value.accepted);
    expect(await count('change_log')).toBe(logBefore);
  });

  it('a partial resend applies only the changes the server did not have', async () => {
    const person = uuidv7();
    const [x, y, z, w] = ['x', 'y', 'z', 'w'].map((field) => a1.change({ rowId: person, field, value: field, teamId: teamA }));
    const seq = a1.batchSeq + 1;
    const first = await a1.push([x!, y!], seq);
    const logBefore = await count('change_log');
    // The device re-cut its outbox: the same number with part of the old content and a new change…
    const recut = await a1.push([y!, z!], seq);
    // …and the next batch repeats another old change.
    const next = await a1.push([x!, w!], seq + 1);
    if (!first.ok || !recut.ok || !next.ok) throw new Error('push failed');
    expect(recut.value.duplicates).toEqual([y!.opId]);
    expect(recut.value.accepted).toEqual([z!.opId]);
    expect(recut.value.serverSeqs[0]).toBe(first.value.serverSeqs[1]);
    expect(next.value.duplicates).toEqual([x!.opId]);
    expect(next.value.accepted).toEqual([w!.opId]);
    expect(await count('change_log')).toBe(logBefore + 2);
  });

  it('a gap in batchSeq is refused with the number the server expects', async () => {
    const expected = a1.batchSeq + 1;
    const logBefore = await count('change_log');
    const reply = await a1.push([a1.change({ rowId: uuidv7(), field: 'familyName', value: 'Gap', teamId: teamA })], expected + 1);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.status).toBe(409);
    expect(reply.error.error).toMatchObject({ code: 'BATCH_SEQ_GAP', expectedBatchSeq: expected });
    expect(await count('change_log')).toBe(logBefore);
  });

  it('refuses tampered ciphertext, a wrong signature and an unknown device, applying nothing', async () => {
    const logBefore = await count('change_log');
    const batch = { deviceId: a1.id, batchSeq: a1.batchSeq + 1, changes: [a1.change({ rowId: uuidv7(), field: 'x', value: 1, teamId: teamA })] };
    const envelope = await a1.sealPush(batch);
    const ct = fromBase64Url(envelope.ct);
    ct[10]! ^= 1;
    const tampered = await a1.postPush({ ...envelope, ct: toBase64Url(ct) });
    expect(!tampered.ok && tampered.error.error.code).toBe('BAD_SIGNATURE');

    const stranger = await generateIdentity();
    const wrongSigner = await sealEnvelope({
      header: { v: 1, kind: 'push', deviceId: a1.id, keyId: a1.enrollment.server.keyId, batchSeq: batch.batchSeq, time: Date.now(), requestId: uuidv7() },
      body: batch,
      recipientPublicKey: a1.serverKeys.x25519,
      senderSigningKey: stranger.ed25519.privateKey,
    });
    const signed = await a1.postPush(wrongSigner);
    expect(!signed.ok && signed.status).toBe(401);
    expect(!signed.ok && signed.error.error.code).toBe('BAD_SIGNATURE');

    const ghost = uuidv7();
    const unknown = await sealEnvelope({
      header: { v: 1, kind: 'push', deviceId: ghost, keyId: a1.enrollment.server.keyId, batchSeq: 1, time: Date.now(), requestId: uuidv7() },
      body: { ...batch, deviceId: ghost },
      recipientPublicKey: a1.serverKeys.x25519,
      senderSigningKey: stranger.ed25519.privateKey,
    });
    const unknownReply = await a1.postPush(unknown);
    expect(!unknownReply.ok && unknownReply.error.error.code).toBe('UNKNOWN_DEVICE');

    const garbage = await a1.postPush({ h: 'x', enc: 'y', ct: 'z', sig: 'w' });
    expect(!garbage.ok && garbage.error.error.code).toBe('INVALID_REQUEST');
    expect(await count('change_log')).toBe(logBefore);
    // The untouched envelope still goes through: the refusals did not advance anything.
    expect((await a1.postPush(envelope)).ok).toBe(true);
    a1.batchSeq = batch.batchSeq;
  });

  it('refuses stamps more than five minutes ahead with a German message, applying nothing', async () => {
    const logBefore = await count('change_log');
    const ahead = formatHlc({ millis: Date.now() + 10 * 60_000, counter: 0, deviceId: a1.id });
    const reply = await a1.push([
      a1.change({ rowId: uuidv7(), field: 'familyName', value: 'Früh', teamId: teamA }),
      a1.change({ rowId: uuidv7(), field: 'familyName', value: 'Zukunft', teamId: teamA, hlc: ahead }),
    ]);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.status).toBe(422);
    expect(reply.error.error.code).toBe('CLOCK_AHEAD');
    expect(reply.error.error.message).toMatch(/Uhr dieses Geräts geht .* vor/);
    expect(await count('change_log')).toBe(logBefore);
  });

  it('a laptop whose clock is a day behind still syncs, and its later edit wins after it pulled', async () => {
    const person = uuidv7();
    const first = await a2.push([a2.change({ rowId: person, field: 'city', value: 'Ratingen', teamId: teamA })]);
    if (!first.ok) throw new Error('push failed');
    const late = await TestDevice.enroll(server.url, (await teamWithUser(db, 'Ratingen', 'Laptop Gestern')).code, () => Date.now() - 86_400_000);
    await late.pullAll();
    const edit = await late.push([late.change({ rowId: person, field: 'city', value: 'Heiligenhaus', teamId: teamA, baseSeq: first.value.serverSeqs[0]! })]);
    expect(edit.ok && edit.value.conflicts).toEqual([]);
    const pulled = await a1.pullAll();
    expect(pulled.changes.find((change) => change.rowId === person)?.value).toBe('Heiligenhaus');
  });

  it('another team never receives a row, and a push touching it is refused whole', async () => {
    const personA = uuidv7();
    const pushed = await a1.push([a1.change({ rowId: personA, field: 'familyName', value: 'Nur Ratingen', teamId: teamA })]);
    expect(pushed.ok).toBe(true);
    const pulled = await b1.pullAll();
    expect(pulled.changes.map((change) => change.rowId)).not.toContain(personA);

    const logBefore = await count('change_log');
    const ownRow = uuidv7();
    const reply = await b1.push([
      b1.change({ rowId: ownRow, field: 'familyName', value: 'Mettmann ok', teamId: teamB }),
      // claims its own team for a row the server has in team A
      b1.change({ rowId: personA, field: 'familyName', value: 'übernommen', teamId: teamB }),
    ]);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.status).toBe(403);
    expect(reply.error.error.code).toBe('OUT_OF_SCOPE');
    expect(reply.error.error.rows).toEqual([{ entity: 'person', rowId: personA }]);
    const claimed = await b1.push([b1.change({ rowId: uuidv7(), field: 'familyName', value: 'x', teamId: teamA })]);
    expect(!claimed.ok && claimed.error.error.code).toBe('OUT_OF_SCOPE');
    expect(await count('change_log')).toBe(logBefore);
    const check = await a2.pullAll();
    expect(check.changes.filter((change) => change.rowId === personA).map((change) => change.value)).toEqual(['Nur Ratingen']);
  });

  it('concurrent edits of one field make one conflict record and lose no value', async () => {
    const person = uuidv7();
    const created = await a1.push([a1.change({ rowId: person, field: 'residenceStatus', value: 'gestattung', teamId: teamA })]);
    if (!created.ok) throw new Error('push failed');
    const base = created.value.serverSeqs[0]!;
    await a2.pullAll();
    const edit1 = a1.change({ rowId: person, field: 'residenceStatus', value: 'duldung', teamId: teamA, baseSeq: base });
    const edit2 = a2.change({ rowId: person, field: 'residenceStatus', value: 'ae_24', teamId: teamA, baseSeq: base });
    const conflictsBefore = await count('sync_conflict');
    const first = await a1.push([edit1]);
    const second = await a2.push([edit2]);
    if (!first.ok || !second.ok) throw new Error('push failed');
    expect(first.value.conflicts).toEqual([]);
    expect(second.value.conflicts).toHaveLength(1);
    const notice = second.value.conflicts[0]!;
    expect(notice).toMatchObject({ opId: edit2.opId, serverValue: 'duldung', serverDeviceId: a1.id, serverHlc: edit1.hlc });
    expect(await count('sync_conflict')).toBe(conflictsBefore + 1);
    const [record] = await db.query('SELECT * FROM sync_conflict WHERE row_id = $1', [person]);
    expect(record).toMatchObject({
      incoming_value_json: '"ae_24"',
      server_value_json: '"duldung"',
      incoming_device_id: a2.id,
      server_device_id: a1.id,
      incoming_hlc: edit2.hlc,
      server_hlc: edit1.hlc,
      incoming_user_id: a2.enrollment.userId,
      server_user_id: a1.enrollment.userId,
    });
    const winner = edit2.hlc > edit1.hlc ? 'ae_24' : 'duldung';
    expect(notice.winner).toBe(winner === 'ae_24' ? 'incoming' : 'server');
    const pulled = await a1.pullAll();
    expect(pulled.changes.find((change) => change.rowId === person)?.value).toBe(winner);
  });

  it('a person moved to another team is purged from the old team and arrives whole in the new one', async () => {
    const person = uuidv7();
    const note = uuidv7();
    await a1.push([
      a1.change({ rowId: person, field: 'familyName', value: 'Umzug', teamId: teamA }),
      a1.change({ rowId: person, field: 'birthYear', value: 1990, teamId: teamA }),
      a1.change({ entity: 'contactNote', rowId: note, field: 'personId', value: person, teamId: teamA }),
    ]);
    await a2.pullAll();
    await b1.pullAll();
    await ab.pullAll();
    const moved = await ab.push([
      ab.change({ rowId: person, field: 'teamId', value: teamB, teamId: teamB }),
      ab.change({ entity: 'contactNote', rowId: note, field: 'teamId', value: teamB, teamId: teamB }),
    ]);
    expect(moved.ok).toBe(true);

    const oldTeam = await a2.pullAll();
    expect(oldTeam.purges).toEqual(
      expect.arrayContaining([
        { entity: 'person', rowId: person, reason: 'team-changed' },
        { entity: 'contactNote', rowId: note, reason: 'team-changed' },
      ]),
    );
    expect(oldTeam.changes.filter((change) => change.rowId === person)).toEqual([]);
    const newTeam = await b1.pullAll();
    expect(newTeam.purges).toEqual([]);
    expect(new Set(newTeam.changes.filter((change) => change.rowId === person).map((change) => change.field))).toEqual(
      new Set(['familyName', 'birthYear', 'teamId']),
    );
    // The old team may no longer write the row.
    const late = await a1.push([a1.change({ rowId: person, field: 'familyName', value: 'zu spät', teamId: teamA })]);
    expect(!late.ok && late.error.error.code).toBe('OUT_OF_SCOPE');
  });

  it('a revoked device is refused on every call with a signed statement it can trust', async () => {
    const { code } = await teamWithUser(db, 'Ratingen', 'Gestohlenes Gerät');
    const stolen = await TestDevice.enroll(server.url, code);
    await revokeDevice(db, { deviceId: stolen.id });
    const logBefore = await count('change_log');
    const push = await stolen.push([stolen.change({ rowId: uuidv7(), field: 'x', value: 1, teamId: teamA })]);
    const pull = await stolen.pull();
    for (const reply of [push, pull]) {
      expect(reply.ok).toBe(false);
      if (reply.ok) continue;
      expect(reply.status).toBe(403);
      expect(reply.error.error.code).toBe('DEVICE_REVOKED');
      expect(reply.error.proof).toBeDefined();
    }
    if (!pull.ok && pull.error.proof) {
      // the device checks the proof against the server key it enrolled with
      const statement = JSON.parse(new TextDecoder().decode(fromBase64Url(pull.error.proof.statement))) as { requestId: string };
      expect(
        await verifyErrorProof(pull.error.proof, stolen.serverKeys.ed25519, { code: 'DEVICE_REVOKED', deviceId: stolen.id, requestId: statement.requestId }),
      ).toBe(true);
    }
    expect(await count('change_log')).toBe(logBefore);
  });
});
