import type { z } from 'zod';
import type { EnvelopeKind } from '../../../../shared/sync';
import type { DocumentPath } from '../../../../shared/sync/documents-protocol';
import { exchange, type RunKeys } from '../exchange';
import type { FetchLike } from '../transport';

export interface DocumentExchangeRequest<T> {
  readonly path: DocumentPath;
  readonly kind: EnvelopeKind;
  readonly answerKind: EnvelopeKind;
  readonly body: unknown;
  readonly answer: z.ZodType<T>;
}

/**
 * One sealed document request and its sealed answer: `exchange` (../exchange.ts) with its
 * checks — signed by the enrolled server key, sealed to this device, naming this request's id,
 * "revoked" only with the server's proof — and no batch number or cursor in the header.
 */
export function documentExchange<T>(fetchFn: FetchLike, keys: RunKeys, now: () => number, request: DocumentExchangeRequest<T>): Promise<T> {
  return exchange(fetchFn, keys, now, request);
}
