import { channelNames, type ChannelInput, type ChannelName, type ChannelOutput } from '../../shared/ipc/contract';
import type { KimBridge } from '../../shared/ipc/bridge';
import type { IpcErrorPayload, IpcResult } from '../../shared/ipc/errors';

/** Sends one call to the main process (in the preload: `ipcRenderer.invoke`). */
export type Send = (channel: ChannelName, input: unknown) => Promise<unknown>;

/** The allow-list, derived from the contract: nothing else ever leaves the page. */
export const allowedChannels: ReadonlySet<string> = new Set<string>(channelNames);

export function isAllowedChannel(channel: unknown): channel is ChannelName {
  return typeof channel === 'string' && allowedChannels.has(channel);
}

const failure = (error: IpcErrorPayload) => ({ ok: false as const, error });

/**
 * `window.kim`. Without Electron, so it is tested in Node. The channel is checked against the
 * allow-list before anything is sent (the main process checks again; this spares it the noise
 * and keeps the page from probing). The promise never rejects: a failed transport becomes a
 * typed error like every other, and an Electron error (with its stack) never reaches the page.
 */
export function createBridge(send: Send) {
  const bridge = {
    async invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>> {
      if (!isAllowedChannel(channel)) {
        return failure({ code: 'UNKNOWN_CHANNEL', message: 'Diese Funktion gibt es in der App nicht.' });
      }
      try {
        // The main process answers only with `{ok, value}` or `{ok, error}` (ipc-gate.ts).
        return (await send(channel, input)) as IpcResult<ChannelOutput<C>>;
      } catch {
        return failure({
          code: 'INTERNAL',
          message: 'Die Verbindung zum lokalen Datenspeicher ist unterbrochen. Bitte starten Sie die App neu.',
        });
      }
    },
  } satisfies KimBridge;
  return Object.freeze(bridge);
}
