import type { ChannelInput, ChannelName, ChannelOutput } from './contract';
import type { IpcResult } from './errors';

/**
 * The shape of `window.kim`. The Electron preload and the e2e host's stand-in both `satisfies`
 * this type, so the two cannot drift (DESIGN.md, The IPC contract).
 */
export interface KimBridge {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>;
}

/** The name under which the bridge is installed on `window`. */
export const bridgeGlobalName = 'kim';
