import { isChannelName, type ChannelName } from '../../shared/ipc/contract';
import { ipcErrorSchema, type IpcResult } from '../../shared/ipc/errors';
import { shellErrors } from './messages';
import { isTrustedSender, type FrameLike } from './sender-check';

/** What the handler reads of Electron's `IpcMainInvokeEvent`. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

export interface InvokeHandlerDeps {
  /** the main frame of our window, or null while there is none */
  mainFrame(): FrameLike | null;
  /** hands the call to the core (worker); must resolve, never reject */
  forward(channel: ChannelName, input: unknown): Promise<IpcResult<unknown>>;
  /** where refusals are noted for the developer; no input is logged (it is personal data) */
  log?(message: string): void;
}

export type InvokeHandler = (event: InvokeEventLike, channel: unknown, input?: unknown) => Promise<IpcResult<unknown>>;

/**
 * The handler behind the one `ipcMain.handle` channel. Order matters: the sender is checked
 * before anything about the message is looked at, then the channel against the contract's
 * allow-list, and only then does the input travel on to the core (which parses it with the
 * contract's schema). Whatever comes back is reduced to `{ok, value}` or `{ok, error:{code,
 * message, …}}`, so no stack trace or stray field can reach the page.
 */
export function createInvokeHandler(deps: InvokeHandlerDeps): InvokeHandler {
  const log = deps.log ?? ((message: string) => console.warn(message));
  return async (event, channel, input) => {
    if (!isTrustedSender(readSenderFrame(event), deps.mainFrame())) {
      log('[kim] IPC refused: untrusted sender');
      return { ok: false, error: { ...shellErrors.forbiddenSender } };
    }
    if (!isChannelName(channel)) {
      log('[kim] IPC refused: unknown channel');
      return { ok: false, error: { ...shellErrors.unknownChannel } };
    }
    try {
      return sanitizeResult(await deps.forward(channel, input));
    } catch {
      return { ok: false, error: { ...shellErrors.internal } };
    }
  };
}

function readSenderFrame(event: InvokeEventLike): FrameLike | null {
  try {
    return event.senderFrame;
  } catch {
    // Electron throws when the frame was disposed during the call: treat as no sender.
    return null;
  }
}

/** Keeps only the documented shape of a result; anything else becomes a generic error. */
export function sanitizeResult(result: unknown): IpcResult<unknown> {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    if (result.ok === true && 'value' in result) return { ok: true, value: result.value };
    if (result.ok === false && 'error' in result) {
      const parsed = ipcErrorSchema.safeParse(result.error);
      if (parsed.success) return { ok: false, error: parsed.data };
    }
  }
  return { ok: false, error: { ...shellErrors.internal } };
}
