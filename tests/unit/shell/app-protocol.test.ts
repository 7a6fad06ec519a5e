import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, resolveAppRequest } from '../../../electron/main/app-protocol';
import { fallbackMimeType, mimeTypeFor } from '../../../electron/main/mime-types';

const root = '/opt/kim/renderer/dist';
const ok = (url: string) => {
  const result = resolveAppRequest(url, root, path.posix);
  if (!result.ok) throw new Error(`refused ${url}: ${result.reason}`);
  return result.filePath;
};
const refused = (url: string, pathApi = path.posix, base = root) => resolveAppRequest(url, base, pathApi).ok === false;

describe('resolveAppRequest: files inside the root', () => {
  it('maps plain asset paths', () => {
    expect(ok('app://kim/index.html')).toBe('/opt/kim/renderer/dist/index.html');
    expect(ok('app://kim/assets/index-abc123.js')).toBe('/opt/kim/renderer/dist/assets/index-abc123.js');
    expect(ok('app://kim/assets/Schrift%20Fett.woff2')).toBe('/opt/kim/renderer/dist/assets/Schrift Fett.woff2');
  });

  it('serves index.html for the root and for client-side routes', () => {
    expect(ok('app://kim')).toBe('/opt/kim/renderer/dist/index.html');
    expect(ok('app://kim/')).toBe('/opt/kim/renderer/dist/index.html');
    expect(ok('app://kim/personen/0190a1b2')).toBe('/opt/kim/renderer/dist/index.html');
  });

  it('ignores query and fragment', () => {
    expect(ok('app://kim/assets/a.css?v=1#x')).toBe('/opt/kim/renderer/dist/assets/a.css');
  });

  it('folds dot segments the URL parser resolves itself, without leaving the root', () => {
    expect(ok('app://kim/assets/../index.html')).toBe('/opt/kim/renderer/dist/index.html');
    expect(ok('app://kim/../../../index.html')).toBe('/opt/kim/renderer/dist/index.html');
    expect(ok('app://kim/%2e%2e/%2E%2E/index.html')).toBe('/opt/kim/renderer/dist/index.html');
  });
});

describe('resolveAppRequest: refusals', () => {
  it.each([
    ['encoded slash after dots', 'app://kim/..%2f..%2fetc%2fpasswd'],
    ['encoded dots and slash', 'app://kim/%2e%2e%2f%2e%2e%2fetc/passwd'],
    ['encoded backslash', 'app://kim/..%5c..%5cwindows%5cwin.ini'],
    ['raw backslash', 'app://kim/..\\..\\etc\\passwd'],
    ['backslash in file name', 'app://kim/assets\\x.js'],
    ['encoded NUL', 'app://kim/index.html%00.png'],
    ['encoded NUL alone', 'app://kim/%00'],
    ['control character', 'app://kim/a%0a.js'],
    ['encoded slash making an absolute path', 'app://kim/%2fetc%2fpasswd'],
    ['Windows drive letter', 'app://kim/C:%5cWindows%5cwin.ini'],
    ['encoded drive letter', 'app://kim/C%3A/Windows/win.ini'],
    ['NTFS alternate stream', 'app://kim/index.html:secret'],
    ['dotfile', 'app://kim/.env'],
    ['trailing dot (Windows alias)', 'app://kim/index.html.'],
    ['malformed percent encoding', 'app://kim/%E0%A4%A.js'],
    ['another host', 'app://evil/index.html'],
    ['empty host variant with path', 'app:///etc/passwd'],
    ['a port', 'app://kim:8080/index.html'],
    ['credentials', 'app://user:pw@kim/index.html'],
    ['file scheme', 'file:///etc/passwd'],
    ['https scheme', 'https://kim/index.html'],
    ['not a URL', 'index.html'],
  ])('%s', (_name, url) => {
    expect(refused(url)).toBe(true);
  });

  it('gives 403 for traversal attempts and 400 for malformed requests', () => {
    expect(resolveAppRequest('app://kim/..%2f..%2fsecret', root, path.posix)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('app://other/x', root, path.posix)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('app://kim/%E0%A4%A', root, path.posix)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('resolveAppRequest with Windows paths', () => {
  const winRoot = 'C:\\Program Files\\KIM Fallakte\\resources\\app.asar\\renderer\\dist';

  it('maps inside the root', () => {
    const result = resolveAppRequest('app://kim/assets/index.js', winRoot, path.win32);
    expect(result).toEqual({ ok: true, filePath: `${winRoot}\\assets\\index.js` });
  });

  it.each([
    'app://kim/..%5c..%5c..%5cWindows%5cSystem32%5cconfig%5cSAM',
    'app://kim/C:%5cWindows%5cwin.ini',
    'app://kim/D:secret.txt',
    'app://kim/%5c%5cserver%5cshare%5cx',
    'app://kim/..%2f..%2fx',
    'app://kim/con%3a',
  ])('refuses %s', (url) => {
    expect(refused(url, path.win32, winRoot)).toBe(true);
  });
});

describe('isInside', () => {
  it('knows a sibling with a common prefix is outside', () => {
    expect(isInside('/a/dist', '/a/dist-evil/x', path.posix)).toBe(false);
    expect(isInside('/a/dist', '/a/dist/x', path.posix)).toBe(true);
    expect(isInside('/a/dist', '/a/dist', path.posix)).toBe(true);
    expect(isInside('/a/dist', '/a', path.posix)).toBe(false);
    expect(isInside('C:\\a\\dist', 'D:\\a\\dist\\x', path.win32)).toBe(false);
  });
});

describe('mimeTypeFor', () => {
  it('names what a Vite build emits', () => {
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/x/a.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('C:\\x\\a.png')).toBe('image/png');
  });

  it('falls back to opaque bytes', () => {
    expect(mimeTypeFor('/x/a.exe')).toBe(fallbackMimeType);
    expect(mimeTypeFor('/x/noext')).toBe(fallbackMimeType);
  });
});
