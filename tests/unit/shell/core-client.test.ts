import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { WorkerRequest, WorkerResponse } from '../../../electron/core/worker-entry';
import { createCoreClient, type WorkerLike } from '../../../electron/main/core-client';

/** A worker stand-in: records requests, lets the test answer or crash. */
class FakeWorker extends EventEmitter implements WorkerLike {
  readonly requests: WorkerRequest[] = [];
  closeBehaviour: 'exit' | 'hang' = 'exit';
  terminated = false;
  postMessage(message: WorkerRequest): void {
    this.requests.push(message);
    if (message.type === 'close' && this.closeBehaviour === 'exit') queueMicrotask(() => this.emit('exit', 0));
  }
  answer(response: WorkerResponse): void {
    this.emit('message', response);
  }
  crash(code = 1): void {
    this.emit('exit', code);
  }
  async terminate(): Promise<number> {
    this.terminated = true;
    queueMicrotask(() => this.emit('exit', 1));
    return 1;
  }
}

function setup(options: { maxRestarts?: number; closeTimeoutMs?: number } = {}) {
  const workers: FakeWorker[] = [];
  const log = vi.fn();
  const client = createCoreClient(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    { log, ...options },
  );
  return { client, workers, log };
}

const lastInvoke = (worker: FakeWorker | undefined) => {
  const request = worker?.requests.at(-1);
  if (request?.type !== 'invoke') throw new Error('no invoke sent');
  return request;
};

describe('core client', () => {
  it('starts the worker lazily and matches answers by id', async () => {
    const { client, workers } = setup();
    expect(workers).toHaveLength(0);
    const first = client.invoke('app.info', {});
    const second = client.invoke('session.status', {});
    expect(workers).toHaveLength(1);
    const [a, b] = workers[0]!.requests;
    if (a?.type !== 'invoke' || b?.type !== 'invoke') throw new Error('expected invokes');
    expect(a.channel).toBe('app.info');
    workers[0]!.answer({ type: 'result', id: b.id, result: { ok: true, value: 'second' } });
    workers[0]!.answer({ type: 'result', id: a.id, result: { ok: true, value: 'first' } });
    expect(await first).toEqual({ ok: true, value: 'first' });
    expect(await second).toEqual({ ok: true, value: 'second' });
  });

  it('answers open calls when the worker dies, and restarts on the next call', async () => {
    const { client, workers, log } = setup();
    const pending = client.invoke('persons.search', { query: 'x' });
    workers[0]!.crash();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('exited unexpectedly'));

    const next = client.invoke('app.info', {});
    expect(workers).toHaveLength(2);
    workers[1]!.answer({ type: 'result', id: lastInvoke(workers[1]).id, result: { ok: true, value: 1 } });
    expect(await next).toEqual({ ok: true, value: 1 });
  });

  it('stops restarting a worker that keeps dying', async () => {
    const { client, workers } = setup({ maxRestarts: 1 });
    for (let i = 0; i < 2; i += 1) {
      const call = client.invoke('app.info', {});
      workers.at(-1)!.crash();
      await call;
    }
    expect(workers).toHaveLength(2);
    expect(await client.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(workers).toHaveLength(2);
  });

  it('answers when the worker cannot be spawned', async () => {
    const client = createCoreClient(
      () => {
        throw new Error('ENOENT core-worker.cjs');
      },
      { log: () => undefined },
    );
    const result = await client.invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('ENOENT');
  });

  it('logs a fatal start message', () => {
    const { client, workers, log } = setup();
    void client.invoke('app.info', {});
    workers[0]!.answer({ type: 'fatal', message: 'EACCES data dir' });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('EACCES data dir'));
  });

  it('closes by asking the worker, then refuses new calls', async () => {
    const { client, workers } = setup();
    void client.invoke('app.info', {});
    await client.close();
    expect(workers[0]!.requests.at(-1)).toEqual({ type: 'close' });
    expect(workers[0]!.terminated).toBe(false);
    expect(await client.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(workers).toHaveLength(1);
  });

  it('terminates a worker that does not close in time', async () => {
    const { client, workers } = setup({ closeTimeoutMs: 20 });
    void client.invoke('app.info', {});
    workers[0]!.closeBehaviour = 'hang';
    await client.close();
    expect(workers[0]!.terminated).toBe(true);
  });

  it('closes without a worker ever started', async () => {
    const { client, workers } = setup();
    await client.close();
    expect(workers).toHaveLength(0);
  });
});
