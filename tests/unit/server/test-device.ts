import { HybridClock } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import {
  enrollResponseSchema,
  enrollSigningInput,
  expandPullPage,
  exportPublicKeys,
  generateIdentity,
  groupedPullPageSchema,
  importPublicKeys,
  openEnvelope,
  pullPageSchema,
  pushAckSchema,
  readEnvelopeHeader,
  sealEnvelope,
  sign,
  syncErrorBodySchema,
  toBase64Url,
  type Envelope,
  type EnrollResponse,
  type FieldChange,
  type KeyIdentity,
  type PublicKeySet,
  type PullPage,
  type PushAck,
  type PushBatch,
  type SyncErrorBody,
} from '../../../shared/sync';

/**
 * The device side of the protocol, as small as a test needs: enroll, stamp changes, push and
 * pull through real HTTP with the shared envelope functions. Not the app's sync client.
 */
export type Reply<T> = { ok: true; status: number; value: T } | { ok: false; status: number; error: SyncErrorBody };

export async function enrollRequest(url: string, code: string, identity: KeyIdentity, deviceName = 'Laptop Test') {
  const publicKeys = await exportPublicKeys(identity);
  const time = Date.now();
  const signature = toBase64Url(await sign(identity.ed25519.privateKey, enrollSigningInput({ code, deviceName, publicKeys, time })));
  const response = await fetch(`${url}/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocolVersion: 1, code, deviceName, publicKeys, time, signature }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

export class TestDevice {
  batchSeq = 0;
  cursor = '0';
  readonly clock: HybridClock;

  private constructor(
    /** may be pointed at another server instance */
    public url: string,
    readonly identity: KeyIdentity,
    readonly enrollment: EnrollResponse,
    readonly serverKeys: PublicKeySet,
    now: () => number,
  ) {
    this.clock = new HybridClock(enrollment.deviceId, now);
  }

  static async enroll(url: string, code: string, now: () => number = Date.now): Promise<TestDevice> {
    const identity = await generateIdentity();
    const { status, body } = await enrollRequest(url, code, identity);
    if (status !== 200) throw new Error(`enroll failed: ${status} ${JSON.stringify(body)}`);
    const enrollment = enrollResponseSchema.parse(body);
    return new TestDevice(url, identity, enrollment, await importPublicKeys(enrollment.server.publicKeys), now);
  }

  get id(): string {
    return this.enrollment.deviceId;
  }

  change(input: { entity?: string; rowId: string; field: string; value: FieldChange['value']; teamId: string; baseSeq?: number | null; hlc?: string }): FieldChange {
    return {
      opId: uuidv7(),
      entity: input.entity ?? 'person',
      rowId: input.rowId,
      field: input.field,
      value: input.value,
      hlc: input.hlc ?? this.clock.tick(),
      deviceId: this.id,
      teamId: input.teamId,
      baseSeq: input.baseSeq ?? null,
      schemaVersion: 1,
    };
  }

  async sealPush(batch: PushBatch, requestId = uuidv7()): Promise<Envelope> {
    return sealEnvelope({
      header: { v: 1, kind: 'push', deviceId: this.id, keyId: this.enrollment.server.keyId, batchSeq: batch.batchSeq, time: Date.now(), requestId },
      body: batch,
      recipientPublicKey: this.serverKeys.x25519,
      senderSigningKey: this.identity.ed25519.privateKey,
    });
  }

  /** Pushes `changes` as the next batch (or as `batchSeq` when given). */
  async push(changes: FieldChange[], batchSeq?: number): Promise<Reply<PushAck>> {
    const seq = batchSeq ?? this.batchSeq + 1;
    const result = await this.postPush(await this.sealPush({ deviceId: this.id, batchSeq: seq, changes }));
    if (result.ok && seq > this.batchSeq) this.batchSeq = seq;
    return result;
  }

  async postPush(envelope: unknown): Promise<Reply<PushAck>> {
    const response = await fetch(`${this.url}/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) });
    let requestId: string | undefined;
    try {
      requestId = readEnvelopeHeader(envelope).header.requestId;
    } catch {
      requestId = undefined;
    }
    return this.readReply(response, 'push-ack', pushAckSchema.parse.bind(pushAckSchema), requestId);
  }

  /** the uncompressed JSON bytes of the last pull page, as the server sent it */
  lastPageBytes = 0;

  /**
   * `referenceVersion`: as a device of issue 4 or later sends it; left out, an older device.
   * `format`: 'grouped' as the app asks (the page is checked with the zod schema and expanded),
   * 'full' as an older app (each change in full).
   */
  async pull(limit = 500, cursor = this.cursor, referenceVersion?: number | null, format: 'grouped' | 'full' = 'grouped'): Promise<Reply<PullPage>> {
    const requestId = uuidv7();
    const envelope = await sealEnvelope({
      header: { v: 1, kind: 'pull', deviceId: this.id, keyId: this.enrollment.server.keyId, cursor, time: Date.now(), requestId },
      body: {
        deviceId: this.id,
        cursor,
        limit,
        ...(referenceVersion !== undefined ? { referenceVersion } : {}),
        ...(format === 'grouped' ? { format } : {}),
      },
      recipientPublicKey: this.serverKeys.x25519,
      senderSigningKey: this.identity.ed25519.privateKey,
    });
    const response = await fetch(`${this.url}/v1/pull`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) });
    const parse = (body: unknown): PullPage => {
      this.lastPageBytes = Buffer.byteLength(JSON.stringify(body));
      return format === 'grouped' ? expandPullPage(groupedPullPageSchema.parse(body)) : pullPageSchema.parse(body);
    };
    const reply = await this.readReply(response, 'pull-page', parse, requestId);
    if (reply.ok) this.cursor = reply.value.nextCursor;
    return reply;
  }

  /** Pulls until the server says there is no more; returns every page's content. */
  async pullAll(limit = 500, format: 'grouped' | 'full' = 'grouped'): Promise<{ changes: PullPage['changes']; purges: PullPage['purges'] }> {
    const changes: PullPage['changes'] = [];
    const purges: PullPage['purges'] = [];
    for (let page = 0; page < 1000; page++) {
      const reply = await this.pull(limit, this.cursor, undefined, format);
      if (!reply.ok) throw new Error(`pull failed: ${reply.error.error.code}`);
      changes.push(...reply.value.changes);
      purges.push(...reply.value.purges);
      for (const change of reply.value.changes) this.clock.receive(change.hlc);
      if (!reply.value.hasMore) return { changes, purges };
    }
    throw new Error('pull did not end');
  }

  private async readReply<T>(
    response: Response,
    kind: 'push-ack' | 'pull-page',
    parse: (value: unknown) => T,
    requestId?: string,
  ): Promise<Reply<T>> {
    const body = (await response.json()) as unknown;
    if (response.status !== 200) return { ok: false, status: response.status, error: syncErrorBodySchema.parse(body) };
    const opened = await openEnvelope({
      envelope: body,
      senderVerifyKey: this.serverKeys.ed25519,
      recipientPrivateKey: this.identity.x25519.privateKey,
      expect: { kind, deviceId: this.id, ...(requestId ? { requestId } : {}) },
    });
    return { ok: true, status: 200, value: parse(opened.body) };
  }
}
