import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDevices, revokeDevice } from '../../../server/src/admin/commands';
import type { Db } from '../../../server/src/db/adapter';
import { auditDetailsJson } from '../../../shared/audit/chain-body';
import { uuidv7 } from '../../../shared/ids';
import { syncErrorMessages, verifyErrorProof } from '../../../shared/sync';
import { MAX_AUDIT_ENTRIES_PER_UPLOAD, type AuditEntryWire } from '../../../shared/sync/audit-protocol';
import { extendChain, linkEntry, linkHash, relink, uploadAudit, uploadOf } from './audit-device';
import { aroundTransactionQueries, backends, runAdminOn, startTestServer, teamWithUser, tempIdentity, type TestDatabase, type TestServer } from './harness';
import { TestDevice } from './test-device';

/**
 * The county's copy of each device's audit chain (server/src/sync/audit-service.ts) over real
 * HTTP: what arrives linked is stored once, what contradicts the stored chain or does not link
 * is refused whole, a gap after the tail is answered with the tail.
 */
describe.each(backends)('audit upload on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;
  let server: TestServer;
  let identity: Awaited<ReturnType<typeof tempIdentity>>;
  const logLines: string[] = [];
  let a: TestDevice;
  let b: TestDevice;
  /** device a's chain as the server should hold it */
  let heldA: AuditEntryWire[] = [];

  beforeAll(async () => {
    database = await backend.create();
    db = await database.connect();
    identity = await tempIdentity();
    server = await startTestServer(db, identity.path, { logLevel: 'info', logStream: { write: (line) => void logLines.push(line) } });
    const aylin = await teamWithUser(db, 'Velbert', 'Aylin Demir');
    const jonas = await teamWithUser(db, 'Velbert', 'Jonas Weber');
    a = await TestDevice.enroll(server.url, aylin.code);
    b = await TestDevice.enroll(server.url, jonas.code);
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
    await identity?.dispose();
  });

  async function stored(device: TestDevice): Promise<AuditEntryWire[]> {
    const rows = await db.query('SELECT * FROM device_audit WHERE device_id = $1 ORDER BY seq', [device.id]);
    return rows.map((row) => ({
      seq: Number(row['seq']),
      at: String(row['at']),
      actor: String(row['actor']),
      action: String(row['action']) as AuditEntryWire['action'],
      entity: String(row['entity']),
      rowId: String(row['row_id']),
      details: String(row['details_json']),
      prevHash: String(row['prev_hash']),
      hash: String(row['hash']),
    }));
  }

  async function expectRefused(reply: Awaited<ReturnType<typeof uploadAudit>>, code: string, status: number) {
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.status).toBe(status);
    expect(reply.error.error.code).toBe(code);
  }

  const last = <T>(list: readonly T[]): T => list[list.length - 1]!;

  it('a linked chain arrives whole; sent again it is acknowledged alike and stored once', async () => {
    const person = uuidv7();
    heldA = extendChain(null, 5, (i) => ({ rowId: person, action: i === 0 ? 'create' : 'read', details: { fields: ['familyName', 'phone'] } }));
    const first = await uploadAudit(a, uploadOf(a, heldA));
    expect(first).toMatchObject({ ok: true, value: { type: 'audit.stored', storedThrough: 5 } });
    expect(await stored(a)).toEqual(heldA);

    const again = await uploadAudit(a, uploadOf(a, heldA));
    expect(again).toMatchObject({ ok: true, value: { storedThrough: 5 } });
    expect(await stored(a)).toEqual(heldA);
  });

  it('an upload overlapping what the server holds stores only the new entries', async () => {
    const received = await db.query('SELECT seq, received_at FROM device_audit WHERE device_id = $1 ORDER BY seq', [a.id]);
    const fresh = extendChain(last(heldA), 3);
    const reply = await uploadAudit(a, uploadOf(a, [...heldA.slice(2), ...fresh]));
    expect(reply).toMatchObject({ ok: true, value: { storedThrough: 8 } });
    heldA = [...heldA, ...fresh];
    expect(await stored(a)).toEqual(heldA);
    // the entries held before were not written again
    expect(await db.query('SELECT seq, received_at FROM device_audit WHERE device_id = $1 AND seq <= 5 ORDER BY seq', [a.id])).toEqual(received);
  });

  it('an old entry rewritten on the laptop (re-linked or not) is refused whole, new entries with it', async () => {
    const changed = { ...heldA[3]!, action: 'update' as const };
    // with the device's key: the chain re-linked from the changed entry on, and new entries after it
    const relinked = relink(heldA[2]!, [changed, ...heldA.slice(4)]);
    const reply = await uploadAudit(a, uploadOf(a, [...relinked, ...extendChain(last(relinked), 2)]));
    await expectRefused(reply, 'AUDIT_CHAIN_BROKEN', 409);
    if (!reply.ok) expect(reply.error.error.message).toBe(syncErrorMessages.AUDIT_CHAIN_BROKEN);
    // only entries the server holds, nothing new: still refused, not acknowledged as a resend
    await expectRefused(await uploadAudit(a, uploadOf(a, relinked)), 'AUDIT_CHAIN_BROKEN', 409);
    // without: the changed entry keeps its old hash
    await expectRefused(await uploadAudit(a, uploadOf(a, [heldA[2]!, changed, ...heldA.slice(4), ...extendChain(last(heldA), 1)])), 'AUDIT_CHAIN_BROKEN', 409);
    expect(await stored(a)).toEqual(heldA);
  });

  it('new entries with a hash that does not recompute, or not linked to the tail, are refused; nothing stored', async () => {
    const fresh = extendChain(last(heldA), 3);
    // content changed after hashing (the links between entries still agree)
    const tampered = [fresh[0]!, { ...fresh[1]!, rowId: uuidv7() }, fresh[2]!];
    await expectRefused(await uploadAudit(a, uploadOf(a, tampered)), 'AUDIT_CHAIN_BROKEN', 409);
    // a hash that is no hash of its entry, on the last one
    await expectRefused(await uploadAudit(a, uploadOf(a, [fresh[0]!, fresh[1]!, { ...fresh[2]!, hash: 'a'.repeat(64) }])), 'AUDIT_CHAIN_BROKEN', 409);
    // a well-formed chain that starts from another hash than the server's tail
    const foreign = relink({ seq: last(heldA).seq, hash: 'b'.repeat(64) } as AuditEntryWire, fresh);
    expect(foreign[0]!.prevHash).toBe('b'.repeat(64));
    await expectRefused(await uploadAudit(a, uploadOf(a, foreign)), 'AUDIT_CHAIN_BROKEN', 409);
    // a link broken inside the upload never reaches the chain check: the schema refuses it
    await expectRefused(await uploadAudit(a, uploadOf(a, [fresh[0]!, { ...fresh[1]!, prevHash: 'c'.repeat(64) }])), 'INVALID_REQUEST', 400);
    expect(await stored(a)).toEqual(heldA);
  });

  it('an upload that starts after a gap stores nothing and is answered with the tail', async () => {
    const skipped = extendChain(last(heldA), 4);
    const reply = await uploadAudit(a, uploadOf(a, skipped.slice(2)));
    expect(reply).toMatchObject({ ok: true, value: { storedThrough: last(heldA).seq } });
    expect(await stored(a)).toEqual(heldA);
    // from the tail on it is taken
    expect(await uploadAudit(a, uploadOf(a, skipped))).toMatchObject({ ok: true, value: { storedThrough: last(skipped).seq } });
    heldA = [...heldA, ...skipped];
    expect(await stored(a)).toEqual(heldA);
  });

  it("each device has its own chain; another device's id in the body is refused", async () => {
    const chainB = extendChain(null, 2, () => ({ actor: 'Jonas Weber' }));
    await expectRefused(await uploadAudit(b, { ...uploadOf(b, chainB), deviceId: a.id }), 'INVALID_REQUEST', 400);
    expect(await stored(a)).toEqual(heldA);
    expect(await stored(b)).toEqual([]);
    expect(await uploadAudit(b, uploadOf(b, chainB))).toMatchObject({ ok: true, value: { storedThrough: 2 } });
    expect(await stored(b)).toEqual(chainB);
  });

  it('the same slice sent twice at once is stored once, both answers name it', async () => {
    const { code } = await teamWithUser(db, 'Velbert', 'Gleichzeitig');
    const device = await TestDevice.enroll(server.url, code);
    // A database that dawdles after reading the chain's tail: without the per-device lock both
    // requests would read the same tail and the second insert would fail.
    const slow = aroundTransactionQueries(db, async (sql, run) => {
      const rows = await run();
      if (sql.includes('FROM device_audit WHERE device_id = $1 ORDER BY seq DESC')) await new Promise((done) => setTimeout(done, 200));
      return rows;
    });
    const slowServer = await startTestServer(slow, identity.path);
    try {
      const chain = extendChain(null, 50);
      const upload = uploadOf(device, chain);
      device.url = slowServer.url;
      const replies = await Promise.all([uploadAudit(device, upload), uploadAudit(device, upload)]);
      for (const reply of replies) expect(reply).toMatchObject({ ok: true, value: { storedThrough: 50 } });
      expect(await stored(device)).toEqual(chain);
    } finally {
      await slowServer.close();
    }
  });

  it('refuses more entries than an upload may hold, and details that are not the canonical text', async () => {
    const { code } = await teamWithUser(db, 'Velbert', 'Grenzfall');
    const device = await TestDevice.enroll(server.url, code);
    const tooMany = extendChain(null, MAX_AUDIT_ENTRIES_PER_UPLOAD + 1, () => ({ details: {} }));
    await expectRefused(await uploadAudit(device, uploadOf(device, tooMany)), 'INVALID_REQUEST', 400);
    expect(await uploadAudit(device, uploadOf(device, tooMany.slice(0, MAX_AUDIT_ENTRIES_PER_UPLOAD)))).toMatchObject({
      ok: true,
      value: { storedThrough: MAX_AUDIT_ENTRIES_PER_UPLOAD },
    });

    // the same details in another key order or spacing: hashed as sent, still refused
    const prev = last(tooMany.slice(0, MAX_AUDIT_ENTRIES_PER_UPLOAD));
    for (const details of ['{"partnerId":"p-1","fields":["phone"]}', '{"fields": ["phone"]}', '{"fields":["phone"],"note":"x"}', 'null']) {
      const entry = linkEntry(prev);
      const content = { at: entry.at, actor: entry.actor, action: entry.action, entity: entry.entity, rowId: entry.rowId, details };
      const odd = { ...entry, details, hash: linkHash(entry.prevHash, entry.seq, content) };
      await expectRefused(await uploadAudit(device, uploadOf(device, [odd])), 'INVALID_REQUEST', 400);
    }
    expect(auditDetailsJson({ partnerId: 'p-1', fields: ['phone'] })).toBe('{"fields":["phone"],"partnerId":"p-1"}');
    expect((await stored(device)).length).toBe(MAX_AUDIT_ENTRIES_PER_UPLOAD);
  });

  it('a revoked device is refused with a signed statement', async () => {
    const { code } = await teamWithUser(db, 'Velbert', 'Gesperrt');
    const device = await TestDevice.enroll(server.url, code);
    await revokeDevice(db, { deviceId: device.id });
    const requestId = uuidv7();
    const reply = await uploadAudit(device, uploadOf(device, extendChain(null, 1)), requestId);
    await expectRefused(reply, 'DEVICE_REVOKED', 403);
    const proof = reply.ok ? undefined : reply.error.proof;
    expect(proof && (await verifyErrorProof(proof, device.serverKeys.ed25519, { code: 'DEVICE_REVOKED', deviceId: device.id, requestId }))).toBe(true);
    expect(await stored(device)).toEqual([]);
  });

  it('stored entries cannot be changed; deleting stays possible (retention)', async () => {
    await expect(db.query("UPDATE device_audit SET action = 'update' WHERE device_id = $1 AND seq = 1", [a.id])).rejects.toThrow(/append-only/);
    expect(await stored(a)).toEqual(heldA);
    const { code } = await teamWithUser(db, 'Velbert', 'Aufbewahrung');
    const device = await TestDevice.enroll(server.url, code);
    await uploadAudit(device, uploadOf(device, extendChain(null, 3)));
    await db.query('DELETE FROM device_audit WHERE device_id = $1', [device.id]);
    expect(await stored(device)).toEqual([]);
  });

  it('no entry, hash or actor reaches a log line', async () => {
    const log = logLines.join('\n');
    expect(logLines.some((line) => line.includes('/v1/audit'))).toBe(true);
    for (const entry of heldA) {
      expect(log).not.toContain(entry.hash);
      expect(log).not.toContain(entry.rowId);
    }
    expect(log).not.toMatch(/Aylin|Jonas|familyName/);
  });

  describe('admin command', () => {
    async function admin(...argv: string[]) {
      const { code, lines, err } = await runAdminOn(db, identity.path, argv);
      return { code, out: lines, err };
    }

    it("lists a device's entries newest first, with time, device, actor, action, entity, row and fields", async () => {
      const result = await admin('audit', '--device', a.id);
      expect(result.code).toBe(0);
      expect(result.out).toHaveLength(heldA.length);
      const newest = last(heldA);
      expect(result.out[0]).toContain(`"Laptop Test"  Aylin Demir  read  person  ${newest.rowId}  Felder: familyName`);
      expect(result.out[0]).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2} {2}/);
      expect(last(result.out)).toContain(`create  person  ${heldA[0]!.rowId}  Felder: familyName, phone`);
      expect((await admin('audit', '--device', a.id, '--limit', '2')).out).toHaveLength(2);
    });

    it("lists a row's entries across devices, with a partner where one is named", async () => {
      const row = uuidv7();
      const fresh = extendChain(last(heldA), 1, () => ({ rowId: row, action: 'consent_override', entity: 'referral', details: { partnerId: 'p-7' } }));
      expect(await uploadAudit(a, uploadOf(a, fresh))).toMatchObject({ ok: true });
      heldA = [...heldA, ...fresh];
      const held = await stored(b);
      const freshB = extendChain(last(held), 1, () => ({ rowId: row, actor: 'Jonas Weber', at: '2025-03-04T10:00:00.000Z' }));
      expect(await uploadAudit(b, uploadOf(b, freshB))).toMatchObject({ ok: true });

      const result = await admin('audit', '--row', row);
      expect(result.code).toBe(0);
      expect(result.out).toHaveLength(2);
      expect(result.out[0]).toContain(`Jonas Weber  read  person  ${row}  Felder: familyName`);
      expect(result.out[1]).toContain(`Aylin Demir  consent_override  referral  ${row}  Partner: p-7`);
      expect(await admin('audit', '--row', uuidv7())).toMatchObject({ code: 0, out: ['Keine Protokolleinträge / no audit entries.'] });
    });

    it('counts the stored entries per device in the device list', async () => {
      expect((await listDevices(db)).find((device) => device.id === a.id)?.auditEntries).toBe(heldA.length);
      const listed = await admin('list-devices');
      expect(listed.out.find((line) => line.startsWith(a.id))).toContain(`Protokoll ${heldA.length} Einträge`);
    });

    it('refuses bad arguments in German (and English) with exit code 2', async () => {
      for (const argv of [
        ['audit'],
        ['audit', '--device', a.id, '--row', uuidv7()],
        ['audit', '--device', uuidv7()],
        ['audit', '--device', a.id, '--limit', '0'],
        ['audit', '--device', a.id, '--limit', 'viele'],
        ['audit', '--device', a.id, '--limit', '1001'],
        ['audit', '--row'],
        ['audit', '--row', 'x', 'extra'],
        ['audit', '--since', 'gestern'],
      ]) {
        const result = await admin(...argv);
        expect(result.code, argv.join(' ')).toBe(2);
        expect(result.err, argv.join(' ')).toMatch(/^Fehler: .+\nError: .+/);
      }
      expect((await admin('audit', '--device', uuidv7())).err).toContain('Unbekanntes Gerät');
    });
  });
});
