import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/main/csp';
import { createAppProtocolHandler } from '../../../electron/main/protocol-handler';

let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'kim-protocol-'));
  root = path.join(base, 'dist');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>KIM</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'geheim');
  try {
    // A link inside the bundle that points out of it must not be followed.
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  } catch {
    // Symlinks need extra rights on Windows; the test below then checks a plain 404.
  }
  handle = createAppProtocolHandler({ root });
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves index.html with type, CSP and nosniff', async () => {
    const response = await get('app://kim/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>KIM</title>');
  });

  it('serves assets with their MIME type', async () => {
    const response = await get('app://kim/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for client-side routes', async () => {
    const response = await get('app://kim/faelle/meine');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>KIM</title>');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://kim/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses other methods', async () => {
    const response = await get('app://kim/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('gives 404 with CSP for a missing file', async () => {
    const response = await get('app://kim/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).not.toContain(base);
  });

  it('refuses traversal with 403 and never reads outside the root', async () => {
    for (const url of ['app://kim/..%2fsecret.txt', 'app://kim/%2e%2e%2fsecret.txt', 'app://kim/..%5csecret.txt']) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('geheim');
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    }
  });

  it('does not follow a symlink out of the root', async () => {
    const response = await get('app://kim/assets/link.txt');
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('geheim');
  });

  it('refuses another host', async () => {
    expect((await get('app://other/index.html')).status).toBe(403);
  });
});
