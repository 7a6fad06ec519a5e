import { z } from 'zod';

/**
 * Every error that crosses the IPC boundary has this shape: a stable code for the program and a
 * German message for the person. Stack traces never cross (DESIGN.md, The IPC contract).
 */
export const ipcErrorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'LOCKED',
  'WRONG_PASSWORD',
  'TOO_MANY_ATTEMPTS',
  'WEAK_PASSWORD',
  'PROFILE_EXISTS',
  'PROFILE_NOT_FOUND',
  'DATABASE_QUARANTINED',
  'DATABASE_TOO_NEW',
  'NOT_FOUND',
  /** a referral or data sharing with a partner without a valid consent for that partner */
  'CONSENT_REQUIRED',
  /** the user's role may not do this (e.g. override a missing consent) */
  'NOT_ALLOWED',
  /** a phase move the DGCC sequence does not allow, or a change to a closed case */
  'INVALID_TRANSITION',
  /** closing with open goals or tasks that were not acknowledged */
  'CLOSE_BLOCKED',
  /** the target-group criteria are not met and no reason to open anyway was given */
  'TARGET_GROUP_NOT_MET',
  /** a note or record that may only be appended to, never changed */
  'APPEND_ONLY',
  /** a document over the size limit, or of a kind that is not accepted */
  'TOO_LARGE',
  'UNSUPPORTED_FILE',
  'INTERNAL',
] as const;
export const ipcErrorCodeSchema = z.enum(ipcErrorCodes);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  message: z.string(),
  /** for WRONG_PASSWORD / TOO_MANY_ATTEMPTS: when the next try is accepted */
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** for INVALID_INPUT: field path → German message */
  fieldErrors: z.record(z.string(), z.string()).optional(),
});
export type IpcErrorPayload = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorPayload };

/** Thrown inside the core and turned into an `IpcErrorPayload` by the router. */
export class KimError extends Error {
  readonly code: IpcErrorCode;
  readonly retryAfterMs: number | undefined;
  readonly fieldErrors: Record<string, string> | undefined;
  constructor(
    code: IpcErrorCode,
    message: string,
    extra: { retryAfterMs?: number; fieldErrors?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'KimError';
    this.code = code;
    this.retryAfterMs = extra.retryAfterMs;
    this.fieldErrors = extra.fieldErrors;
  }
  toPayload(): IpcErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
    };
  }
}
