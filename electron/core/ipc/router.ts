import {
  contract,
  isChannelName,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
} from '../../../shared/ipc/contract';
import { KimError, type IpcResult } from '../../../shared/ipc/errors';
import { germanErrorMap, invalidInputMessage, toFieldErrors } from './field-errors';

/** One handler per channel of the contract: a missing or mistyped one fails to compile. */
export type HandlerTable = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export type Handle = (channel: string, input: unknown) => Promise<IpcResult<unknown>>;

export const unknownChannelMessage = 'Diese Funktion gibt es nicht.';
export const internalErrorMessage =
  'Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es erneut; wenn der Fehler bleibt, wenden Sie sich an den IT-Support.';

export interface RouterOptions {
  /** where failures are noted; gets only the channel name and the error class, never data */
  readonly log?: (line: string) => void;
}

/**
 * The transport-agnostic router: Electron's ipcMain and the e2e host's WebSocket both call it.
 * It validates the input against the contract, runs the handler, and turns every outcome into
 * an IpcResult — it never throws or rejects, and no stack trace or data leaves it.
 */
export function createRouter(handlers: HandlerTable, options: RouterOptions = {}): Handle {
  const log = options.log ?? ((line: string) => console.error(line));
  return async (channel, input) => {
    try {
      if (!isChannelName(channel)) {
        return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: unknownChannelMessage } };
      }
      return await dispatch(handlers, channel, input);
    } catch (error) {
      if (error instanceof KimError) return { ok: false, error: error.toPayload() };
      const kind = error instanceof Error ? error.constructor.name : typeof error;
      log(`[core] ${isChannelName(channel) ? channel : 'unknown channel'} failed: ${kind}`);
      return { ok: false, error: { code: 'INTERNAL', message: internalErrorMessage } };
    }
  };
}

async function dispatch<C extends ChannelName>(handlers: HandlerTable, channel: C, input: unknown): Promise<IpcResult<unknown>> {
  const parsed = contract[channel].input.safeParse(input, { error: germanErrorMap });
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: invalidInputMessage, fieldErrors: toFieldErrors(parsed.error) },
    };
  }
  const handler = handlers[channel] as (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
  const value = await handler(parsed.data as ChannelParsedInput<C>);
  return { ok: true, value };
}
