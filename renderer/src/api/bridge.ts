import type { KimBridge } from '../../../shared/ipc/bridge';

declare global {
  interface Window {
    /** installed by the Electron preload or the e2e host's init script; absent in a plain browser */
    kim?: KimBridge;
  }
}

/** The bridge to the core, or null when the page was opened without one (a plain browser tab). */
export function findBridge(): KimBridge | null {
  const bridge = window.kim;
  return bridge && typeof bridge.invoke === 'function' ? bridge : null;
}
