import { describe, expect, it, vi } from 'vitest';
import {
  createWorkerMessageHandler,
  isCoreWorkerData,
  type CoreLike,
  type WorkerResponse,
} from '../../../electron/core/worker-entry';
import type { IpcResult } from '../../../shared/ipc/errors';

function fakeCore(handle: CoreLike['handle']) {
  return { handle: vi.fn(handle), close: vi.fn() };
}

describe('isCoreWorkerData', () => {
  it('accepts what the main process sends', () => {
    expect(isCoreWorkerData({ kind: 'kim-core', dataDir: '/u/data', appVersion: '0.1.0' })).toBe(true);
  });

  it.each([[null], [undefined], [{}], [{ kind: 'kim-core', dataDir: '', appVersion: '1' }], [{ kind: 'other', dataDir: '/x', appVersion: '1' }], [{ kind: 'kim-core', dataDir: '/x' }]])(
    'refuses %j',
    (value) => {
      expect(isCoreWorkerData(value)).toBe(false);
    },
  );
});

describe('worker message handler', () => {
  it('answers each call with its id', async () => {
    const core = fakeCore(async (channel) => ({ ok: true, value: channel }));
    const posted: WorkerResponse[] = [];
    const handle = createWorkerMessageHandler(core, (r) => posted.push(r), () => undefined);
    await handle({ type: 'invoke', id: 7, channel: 'app.info', input: {} });
    expect(posted).toEqual([{ type: 'result', id: 7, result: { ok: true, value: 'app.info' } }]);
    expect(core.handle).toHaveBeenCalledWith('app.info', {});
  });

  it('hands calls to the core in arrival order without holding them behind a slow one', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const core = fakeCore(async (channel): Promise<IpcResult<unknown>> => {
      order.push(`start ${channel}`);
      if (channel === 'slow') await gate;
      order.push(`end ${channel}`);
      return { ok: true, value: null };
    });
    const handle = createWorkerMessageHandler(core, () => undefined, () => undefined);
    const first = handle({ type: 'invoke', id: 1, channel: 'slow', input: null });
    const second = handle({ type: 'invoke', id: 2, channel: 'fast', input: null });
    // The core orders its own calls and lets a long sync run beside saves (DESIGN.md, Parts).
    await second;
    expect(order).toEqual(['start slow', 'start fast', 'end fast']);
    release();
    await first;
    expect(order).toEqual(['start slow', 'start fast', 'end fast', 'end slow']);
  });

  it('turns a throwing core into an INTERNAL answer without details', async () => {
    const core = fakeCore(async () => {
      throw new Error('disk I/O error at /home/x');
    });
    const posted: WorkerResponse[] = [];
    await createWorkerMessageHandler(core, (r) => posted.push(r), () => undefined)({ type: 'invoke', id: 1, channel: 'x', input: 1 });
    expect(posted[0]).toMatchObject({ type: 'result', id: 1, result: { ok: false, error: { code: 'INTERNAL' } } });
    expect(JSON.stringify(posted)).not.toContain('/home/x');
  });

  it('ignores malformed messages', async () => {
    const core = fakeCore(async () => ({ ok: true, value: 1 }));
    const posted: WorkerResponse[] = [];
    const handle = createWorkerMessageHandler(core, (r) => posted.push(r), () => undefined);
    for (const message of [null, 'invoke', { type: 'invoke' }, { type: 'invoke', id: '1', channel: 'x' }, { type: 'invoke', id: 1.5, channel: 'x' }, { type: 'invoke', id: 1, channel: 3 }, { type: 'eval' }]) {
      await handle(message);
    }
    expect(core.handle).not.toHaveBeenCalled();
    expect(posted).toEqual([]);
  });

  it('closes after the calls before it, once, and refuses calls after it', async () => {
    const core = fakeCore(async () => ({ ok: true, value: 1 }));
    const onClosed = vi.fn();
    const posted: WorkerResponse[] = [];
    const handle = createWorkerMessageHandler(core, (r) => posted.push(r), onClosed);
    void handle({ type: 'invoke', id: 1, channel: 'a', input: null });
    const closing = handle({ type: 'close' });
    void handle({ type: 'close' });
    await handle({ type: 'invoke', id: 2, channel: 'b', input: null });
    await closing;
    expect(core.handle).toHaveBeenCalledOnce();
    expect(core.close).toHaveBeenCalledOnce();
    expect(onClosed).toHaveBeenCalledOnce();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(posted.find((r) => r.type === 'result' && r.id === 1)).toMatchObject({ result: { ok: true } });
    expect(posted.find((r) => r.type === 'result' && r.id === 2)).toMatchObject({ result: { ok: false, error: { code: 'INTERNAL' } } });
  });
});
