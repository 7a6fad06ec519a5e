import type { IpcErrorCode, IpcErrorPayload } from '../../../shared/ipc/errors';

/**
 * An error answered by the core. It keeps the stable code for program decisions and the German
 * message from the core for the person; field errors and the retry delay travel with it.
 */
export class KimApiError extends Error {
  readonly code: IpcErrorCode;
  readonly fieldErrors: Record<string, string>;
  readonly retryAfterMs: number | undefined;

  constructor(payload: IpcErrorPayload) {
    super(payload.message);
    this.name = 'KimApiError';
    this.code = payload.code;
    this.fieldErrors = payload.fieldErrors ?? {};
    this.retryAfterMs = payload.retryAfterMs;
  }
}

export function isKimApiError(error: unknown, code?: IpcErrorCode): error is KimApiError {
  return error instanceof KimApiError && (code === undefined || error.code === code);
}
