import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName, type KimBridge } from '../../shared/ipc/bridge';
import { createBridge } from './create-bridge';
import { invokeChannel } from './ipc-channel';

/**
 * Runs sandboxed, so it can require only `electron` (and a few Node shims): esbuild bundles it,
 * contract included, into one CommonJS file. The page gets exactly one object, `window.kim`,
 * with exactly one function; `ipcRenderer` itself never crosses the bridge.
 */
const bridge = createBridge((channel, input) => ipcRenderer.invoke(invokeChannel, channel, input)) satisfies KimBridge;

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
