import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchBridge, type BridgedFetchRequest } from '../../../electron/core/sync/fetch-bridge';
import { requestJson } from '../../../electron/core/sync/transport';
import { createFetchAnswerer, learnFromCall, ServerOrigins } from '../../../electron/main/fetch-answer';
import { quitAction, quitDialog, quitStep } from '../../../electron/main/quit-offer';

/** The two halves of the bridge wired as main.ts and worker-entry.ts wire them, minus the thread. */
function wire(origins: ServerOrigins) {
  const answer = createFetchAnswerer({ fetch: (url, init) => fetch(url, init), origins });
  const seen: BridgedFetchRequest[] = [];
  const bridge = createFetchBridge((request) => {
    seen.push(request);
    // structuredClone: what crossing a thread boundary does to the message
    void answer(structuredClone(request), (response) => bridge.receive(structuredClone(response)));
  });
  return { bridge, seen };
}

describe('fetch bridge (worker → main → net.fetch)', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        res.writeHead(req.url === '/fail' ? 503 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, path: req.url, body: Buffer.concat(chunks).toString('utf8'), type: req.headers['content-type'] ?? null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('carries method, headers, body bytes and the answer across, for the sync client as it is', async () => {
    const origins = new ServerOrigins();
    origins.learn(url);
    const { bridge, seen } = wire(origins);
    const reply = await requestJson(bridge.fetch, `${url}/v1/push`, { method: 'POST', body: { hallo: 'Grüße' } });
    expect(reply).toEqual({ status: 200, body: { method: 'POST', path: '/v1/push', body: '{"hallo":"Grüße"}', type: 'application/json' } });
    expect(seen[0]?.body).toBeInstanceOf(Uint8Array);
    expect((await requestJson(bridge.fetch, `${url}/fail`, { method: 'GET' })).status).toBe(503);
  });

  it('refuses destinations the person never named and anything but http(s) GET/POST', async () => {
    const origins = new ServerOrigins();
    origins.learn('file:///etc/passwd');
    origins.learn('https://sync.kreis.de/kim');
    const { bridge } = wire(origins);
    await expect(bridge.fetch(`${url}/v1/pull`, { method: 'POST', body: '{}' })).rejects.toThrow(TypeError);
    origins.learn(url);
    await expect(bridge.fetch(`${url}/x`, { method: 'DELETE' })).rejects.toThrow(TypeError);
    expect(origins.allows('https://sync.kreis.de/v1/pull')).toBe(true);
    expect(origins.allows('https://sync.kreis.de.evil.example/v1/pull')).toBe(false);
    expect(origins.allows('file:///etc/passwd')).toBe(false);
  });

  it('learns the server from what the person typed and what the core reports', () => {
    const origins = new ServerOrigins();
    learnFromCall(origins, 'sync.probeServer', { serverUrl: 'https://a.example/' });
    learnFromCall(origins, 'sync.status', {}, { ok: true, value: { serverUrl: 'https://b.example' } });
    learnFromCall(origins, 'persons.create', { serverUrl: 'https://c.example' });
    learnFromCall(origins, 'sync.status', {}, { ok: false, error: { code: 'LOCKED', message: 'x' } });
    expect(['https://a.example/v1', 'https://b.example/v1', 'https://c.example/v1'].map((u) => origins.allows(u))).toEqual([true, true, false]);
  });

  it('an unanswered request fails after its timeout instead of hanging', async () => {
    const bridge = createFetchBridge(() => undefined, 20);
    await expect(bridge.fetch('https://a.example/v1/time')).rejects.toThrow(TypeError);
    expect(bridge.receive({ type: 'fetch-result', id: 999, ok: false, message: 'late' })).toBe(true);
    expect(bridge.receive({ type: 'result', id: 1 })).toBe(false);
  });
});

describe('offer to sync on quit', () => {
  const status = (overrides: Record<string, unknown>) => ({
    ok: true,
    value: {
      enrolled: true,
      serverUrl: 'https://a.example',
      deviceId: 'd',
      userName: 'u',
      teams: [],
      lastSuccessAt: null,
      pendingChanges: 3,
      conflicts: 0,
      lastError: null,
      running: false,
      updateNeeded: false,
      reminderDue: false,
      nextAutoSyncAt: null,
      ...overrides,
    },
  });

  it('asks only when an enrolled, unlocked device has changes waiting and no sync is running', () => {
    expect(quitStep(status({}))).toBe('ask');
    expect(quitStep(status({ pendingChanges: 0 }))).toBe('quit');
    expect(quitStep(status({ enrolled: false }))).toBe('quit');
    expect(quitStep(status({ running: true }))).toBe('quit');
    expect(quitStep({ ok: false, error: { code: 'LOCKED', message: 'gesperrt' } })).toBe('quit');
    expect(quitStep(null)).toBe('quit');
  });

  it('maps the dialog buttons to actions; Escape stays', () => {
    expect(quitDialog.buttons).toHaveLength(3);
    expect([0, 1, 2, quitDialog.cancelId].map(quitAction)).toEqual(['sync-then-quit', 'quit', 'stay', 'stay']);
  });
});
