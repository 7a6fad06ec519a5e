import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/ipc/contract';
import { KimApiError } from './api-error';
import { findBridge } from './bridge';

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/**
 * Anything that answers LOCKED means the core dropped the key (auto-lock, another window, a
 * restart): the UI must leave the data screens at once. The session store subscribes here, so
 * this module does not need to know about the store.
 */
export function onLocked(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

/** Calls one channel of the contract and returns its value, or throws a `KimApiError`. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const bridge = findBridge();
  if (!bridge) {
    throw new KimApiError({ code: 'INTERNAL', message: 'Die Verbindung zum Anwendungskern fehlt.' });
  }
  let result;
  try {
    result = await bridge.invoke(channel, input);
  } catch {
    // The bridge itself should never throw; if it does, the person still gets a plain message.
    throw new KimApiError({ code: 'INTERNAL', message: 'Die Anfrage an den Anwendungskern ist fehlgeschlagen.' });
  }
  if (result.ok) return result.value;
  if (result.error.code === 'LOCKED') {
    for (const listener of lockedListeners) listener();
  }
  throw new KimApiError(result.error);
}
