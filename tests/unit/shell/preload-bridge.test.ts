import { describe, expect, it, vi } from 'vitest';
import { invokeChannel as mainInvokeChannel } from '../../../electron/main/ipc-channel';
import { allowedChannels, createBridge, isAllowedChannel } from '../../../electron/preload/create-bridge';
import { invokeChannel as preloadInvokeChannel } from '../../../electron/preload/ipc-channel';
import type { KimBridge } from '../../../shared/ipc/bridge';
import { channelNames, type ChannelName } from '../../../shared/ipc/contract';

describe('preload allow-list', () => {
  it('is exactly the contract channel list', () => {
    expect([...allowedChannels].sort()).toEqual([...channelNames].sort());
  });

  it('does not let prototype names through', () => {
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'toString', '']) {
      expect(isAllowedChannel(name), name).toBe(false);
    }
    expect(isAllowedChannel(undefined)).toBe(false);
    expect(isAllowedChannel({})).toBe(false);
  });

  it('uses the same IPC channel as the main process', () => {
    expect(preloadInvokeChannel).toBe(mainInvokeChannel);
  });
});

describe('window.kim', () => {
  it('satisfies KimBridge and forwards allowed channels', async () => {
    const send = vi.fn(async () => ({ ok: true, value: { version: '1', schemaVersion: 1 } }));
    const bridge: KimBridge = createBridge(send);
    const result = await bridge.invoke('app.info', {});
    expect(send).toHaveBeenCalledExactlyOnceWith('app.info', {});
    expect(result).toEqual({ ok: true, value: { version: '1', schemaVersion: 1 } });
  });

  it('refuses an unknown channel before sending', async () => {
    const send = vi.fn();
    const bridge = createBridge(send);
    // A compromised page calls with anything; the types do not protect at run time.
    const result = await bridge.invoke('fs.readFile' as ChannelName, {} as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(send).not.toHaveBeenCalled();
  });

  it('never rejects, and hides the transport error', async () => {
    const bridge = createBridge(async () => {
      throw new Error("Error invoking remote method 'kim:invoke': Error: No handler registered\n    at x.js:1");
    });
    const result = await bridge.invoke('session.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('kim:invoke');
    expect(JSON.stringify(result)).not.toContain('at x.js');
  });

  it('is frozen and has one function', () => {
    const bridge = createBridge(vi.fn());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge)).toEqual(['invoke']);
  });
});
