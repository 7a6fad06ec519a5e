import fs from 'node:fs/promises';
import nodePath from 'node:path';
import { isInside, resolveAppRequest, type PathApi } from './app-protocol';
import { securityHeaders } from './csp';
import { mimeTypeFor } from './mime-types';

export interface AppFileSystem {
  readFile(filePath: string): Promise<Uint8Array<ArrayBuffer>>;
  realpath(filePath: string): Promise<string>;
}

const nodeFileSystem: AppFileSystem = {
  // Copied into a plain ArrayBuffer view, the body type `Response` accepts; assets are small.
  readFile: async (filePath) => new Uint8Array(await fs.readFile(filePath)),
  realpath: (filePath) => fs.realpath(filePath),
};

export interface AppProtocolHandlerOptions {
  /** the renderer bundle (renderer/dist) */
  root: string;
  fileSystem?: AppFileSystem;
  pathApi?: PathApi;
}

const statusText: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' };

function errorResponse(status: 400 | 403 | 404 | 405): Response {
  // A short fixed body: the page learns nothing about the disk layout from an error.
  return new Response(statusText[status] ?? 'Error', {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * The `protocol.handle('app', …)` handler, written against the web `Request`/`Response` that
 * Electron passes, so it runs unchanged in Node tests. Every response, errors included, carries
 * the CSP and the other security headers. Symlinks are resolved and must still land inside the
 * root, so a link planted in the bundle cannot point elsewhere.
 */
export function createAppProtocolHandler(options: AppProtocolHandlerOptions): (request: Request) => Promise<Response> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const pathApi = options.pathApi ?? nodePath;
  let realRoot: Promise<string> | undefined;

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405);
    const resolution = resolveAppRequest(request.url, options.root, pathApi);
    if (!resolution.ok) return errorResponse(resolution.status);
    try {
      realRoot ??= fileSystem.realpath(options.root);
      const [root, real] = await Promise.all([realRoot, fileSystem.realpath(resolution.filePath)]);
      if (!isInside(root, real, pathApi)) return errorResponse(403);
      const body = await fileSystem.readFile(real);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          ...securityHeaders,
          'Content-Type': mimeTypeFor(real),
          // The bundle changes only with an app update; no stale page after one.
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      realRoot = undefined;
      return errorResponse(404);
    }
  };
}
