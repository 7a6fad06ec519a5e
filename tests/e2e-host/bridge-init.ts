import type { KimBridge } from '../../shared/ipc/bridge';
import type { IpcResult } from '../../shared/ipc/errors';

export interface BridgeTarget {
  wsUrl: string;
  token: string;
}

/**
 * Installs `window.kim` in the page, forwarding every call over the host's loopback WebSocket.
 * Playwright serialises this function into an init script, so it must be self-contained: no
 * imports, no closures over module scope (types are erased and therefore fine).
 */
export function installKimBridge(target: BridgeTarget): void {
  type Pending = (result: IpcResult<unknown>) => void;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;

  const disconnected = (): IpcResult<never> => ({
    ok: false,
    error: { code: 'INTERNAL', message: 'Die Verbindung zum Testkern ist unterbrochen.' },
  });

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const ws = new WebSocket(`${target.wsUrl}?token=${encodeURIComponent(target.token)}`);
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('bridge connect failed'));
      ws.onclose = () => {
        socket = null;
        opened = null;
        for (const settle of pending.values()) settle(disconnected());
        pending.clear();
      };
      ws.onmessage = (event: MessageEvent<string>) => {
        const message = JSON.parse(event.data) as { id: number; result: IpcResult<unknown> };
        const settle = pending.get(message.id);
        pending.delete(message.id);
        settle?.(message.result);
      };
    });
    return opened;
  };

  const bridge = {
    async invoke(channel, input) {
      const ws = socket ?? (await connect().catch(() => null));
      if (!ws) return disconnected();
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as Pending);
        ws.send(JSON.stringify({ id, channel, input }));
      });
    },
  } satisfies KimBridge;

  Object.defineProperty(window, 'kim', { value: Object.freeze(bridge), writable: false, configurable: false });
}
