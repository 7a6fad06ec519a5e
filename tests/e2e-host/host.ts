import { createServer, type IncomingMessage } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { createCore, type Core } from '../../electron/core/index';
import { loadStatic } from './static-files';
import type { BridgeTarget } from './bridge-init';

/**
 * The e2e host: the real core and the same router as in Electron, served to a Chromium page
 * over a loopback WebSocket guarded by a random token and the page's origin. It stands in for
 * Electron's main process, which cannot run on machines without the Electron binary.
 */
export interface E2eHost {
  /** the page URL (renderer bundle) */
  url: string;
  bridge: BridgeTarget;
  core: Core;
  close(): Promise<void>;
}

export interface E2eHostOptions {
  dataDir: string;
  rendererDir: string;
  appVersion?: string;
  now?: () => number;
}

const requestSchema = z.object({ id: z.number().int().nonnegative(), channel: z.string().max(100), input: z.unknown() });
// A document of the largest size (15 MB) travels as base64 inside one call; the contract's own
// cap (60 MB of base64, so that the core can answer TOO_LARGE in German) bounds it further.
const maxMessageBytes = 24 * 1024 * 1024;

function tokenMatches(expected: string, request: IncomingMessage): boolean {
  const given = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? '';
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Widens the bundle's CSP by exactly this host's WebSocket, and nothing else. */
function allowBridgeInCsp(html: string, wsOrigin: string): string {
  return html.replace(/connect-src ([^;"]*)/, (_m, sources: string) => `connect-src ${sources} ${wsOrigin}`);
}

export async function startE2eHost(options: E2eHostOptions): Promise<E2eHost> {
  const core = createCore({
    dataDir: options.dataDir,
    appVersion: options.appVersion ?? '0.0.0-e2e',
    ...(options.now ? { now: options.now } : {}),
  });
  const token = randomBytes(32).toString('base64url');
  let origin = '';

  const server = createServer((request, response) => {
    void (async () => {
      const file = request.method === 'GET' ? await loadStatic(options.rendererDir, request.url ?? '/') : null;
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Nicht gefunden');
        return;
      }
      const body = file.contentType.startsWith('text/html')
        ? Buffer.from(allowBridgeInCsp(file.body.toString('utf8'), origin.replace(/^http/, 'ws')))
        : file.body;
      response.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-store' }).end(body);
    })();
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== '/kim' || request.headers.origin !== origin || !tokenMatches(token, request)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serve(ws));
  });

  const serve = (ws: WebSocket) => {
    ws.on('message', (data) => {
      void (async () => {
        let parsed: z.infer<typeof requestSchema>;
        try {
          parsed = requestSchema.parse(JSON.parse(data.toString()));
        } catch {
          ws.close(1003, 'invalid message');
          return;
        }
        const result = await core.handle(parsed.channel, parsed.input);
        ws.send(JSON.stringify({ id: parsed.id, result }));
      })();
    });
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/index.html`,
    bridge: { wsUrl: `ws://127.0.0.1:${port}/kim`, token },
    core,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      core.close();
    },
  };
}
