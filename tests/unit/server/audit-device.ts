import { hash } from 'node:crypto';
import { uuidv7 } from '../../../shared/ids';
import { auditDetailsJson, auditEntryBody, genesisHash, type AuditAction } from '../../../shared/audit/chain-body';
import { openEnvelope, sealEnvelope, syncErrorBodySchema } from '../../../shared/sync';
import { auditAckSchema, auditEnvelopeKinds, auditPath, type AuditAck, type AuditEntryWire } from '../../../shared/sync/audit-protocol';
import type { Reply, TestDevice } from './test-device';

/**
 * A device's audit chain as a test builds it: linked with the same body and hash the device
 * uses (electron/core/audit/audit-log.ts), written here a second time on purpose so the server's
 * check is tested against an independent copy, not against itself.
 */
export interface EntryContent {
  readonly at?: string;
  readonly actor?: string;
  readonly action?: AuditAction;
  readonly entity?: string;
  readonly rowId?: string;
  readonly details?: { fields?: string[]; partnerId?: string };
}

export function linkHash(prevHash: string, seq: number, entry: Omit<AuditEntryWire, 'seq' | 'prevHash' | 'hash'>): string {
  const content = { ...entry, details: JSON.parse(entry.details) as unknown };
  return hash('sha256', prevHash + auditEntryBody(seq, content, entry.details), 'hex');
}

/** One entry linked to `prev` (the entry before it, or none for the first of a chain). */
export function linkEntry(prev: Pick<AuditEntryWire, 'seq' | 'hash'> | null, content: EntryContent = {}): AuditEntryWire {
  const seq = prev ? prev.seq + 1 : 1;
  const prevHash = prev ? prev.hash : genesisHash;
  const entry = {
    at: content.at ?? new Date(Date.UTC(2025, 2, 3, 9, 0, seq % 60, 0)).toISOString(),
    actor: content.actor ?? 'Aylin Demir',
    action: content.action ?? 'read',
    entity: content.entity ?? 'person',
    rowId: content.rowId ?? uuidv7(),
    details: auditDetailsJson(content.details ?? { fields: ['familyName'] })!,
  };
  return { seq, ...entry, prevHash, hash: linkHash(prevHash, seq, entry) };
}

/** `count` entries following on from `prev`; `content(i)` shapes the i-th. */
export function extendChain(prev: AuditEntryWire | null, count: number, content: (i: number) => EntryContent = () => ({})): AuditEntryWire[] {
  const entries: AuditEntryWire[] = [];
  let last = prev;
  for (let i = 0; i < count; i++) {
    last = linkEntry(last, content(i));
    entries.push(last);
  }
  return entries;
}

/** The entries re-linked from `prev` on after a change: what a laptop that rewrote its log sends. */
export function relink(prev: AuditEntryWire | null, entries: readonly AuditEntryWire[]): AuditEntryWire[] {
  const out: AuditEntryWire[] = [];
  let last = prev;
  for (const entry of entries) {
    const prevHash = last ? last.hash : genesisHash;
    const { seq, prevHash: _old, hash: _hash, ...content } = entry;
    last = { ...entry, prevHash, hash: linkHash(prevHash, seq, content) };
    out.push(last);
  }
  return out;
}

/** A sealed audit upload over real HTTP; `body` may be anything, to test refusals. */
export async function uploadAudit(device: TestDevice, body: unknown, requestId = uuidv7()): Promise<Reply<AuditAck>> {
  const envelope = await sealEnvelope({
    header: { v: 1, kind: auditEnvelopeKinds.request, deviceId: device.id, keyId: device.enrollment.server.keyId, time: Date.now(), requestId },
    body,
    recipientPublicKey: device.serverKeys.x25519,
    senderSigningKey: device.identity.ed25519.privateKey,
  });
  const response = await fetch(`${device.url}${auditPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) });
  const answer = (await response.json()) as unknown;
  if (response.status !== 200) return { ok: false, status: response.status, error: syncErrorBodySchema.parse(answer) };
  const opened = await openEnvelope({
    envelope: answer,
    senderVerifyKey: device.serverKeys.ed25519,
    recipientPrivateKey: device.identity.x25519.privateKey,
    expect: { kind: auditEnvelopeKinds.answer, deviceId: device.id, requestId },
  });
  return { ok: true, status: 200, value: auditAckSchema.parse(opened.body) };
}

/** The usual body: the device's own id and the entries. */
export function uploadOf(device: TestDevice, entries: readonly AuditEntryWire[]): { type: 'audit.upload'; deviceId: string; entries: readonly AuditEntryWire[] } {
  return { type: 'audit.upload', deviceId: device.id, entries };
}
