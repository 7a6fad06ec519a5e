import { syncErrorMessages, syncErrorStatus, type SyncErrorBody, type SyncErrorCode } from '../../../shared/sync';

/** A refusal with its protocol code; the error handler turns it into a `SyncErrorBody`. */
export class SyncError extends Error {
  readonly status: number;
  constructor(
    readonly code: SyncErrorCode,
    readonly details: Omit<SyncErrorBody['error'], 'code' | 'message' | 'serverTime'> = {},
    message: string = syncErrorMessages[code],
  ) {
    super(message);
    this.name = 'SyncError';
    this.status = syncErrorStatus[code];
  }
}

export function errorBody(code: SyncErrorCode, serverTime: number, error?: SyncError): SyncErrorBody {
  return { error: { code, message: error?.message ?? syncErrorMessages[code], serverTime, ...(error?.details ?? {}) } };
}
