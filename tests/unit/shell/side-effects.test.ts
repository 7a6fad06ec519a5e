import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openLink, pickSavePath, revealFile, sanitizeFileName } from '../../../electron/main/side-effects';

describe('openLink', () => {
  it('opens https links', async () => {
    const openExternal = vi.fn(async () => undefined);
    expect(await openLink('https://www.bamf.de/', { openExternal })).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.bamf.de/');
  });

  it('refuses everything else without touching the system', async () => {
    const openExternal = vi.fn(async () => undefined);
    for (const url of ['http://x.de/', 'file:///C:/Windows/notepad.exe', 'ms-settings:', 'javascript:1', '\\\\server\\share']) {
      expect(await openLink(url, { openExternal }), url).toBe(false);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('reports a failed open as false', async () => {
    expect(await openLink('https://x.de/', { openExternal: async () => Promise.reject(new Error('no browser')) })).toBe(false);
  });
});

describe('revealFile', () => {
  const root = path.resolve('/data/exports');
  const deps = () => ({ showItemInFolder: vi.fn(), fileExists: vi.fn(() => true) });

  it('reveals an existing file below an allowed root', () => {
    const d = deps();
    expect(revealFile(path.join(root, 'bericht.csv'), [root], d)).toBe(true);
    expect(d.showItemInFolder).toHaveBeenCalledWith(path.join(root, 'bericht.csv'));
  });

  it.each([
    ['relative path', 'bericht.csv'],
    ['outside the roots', path.resolve('/etc/passwd')],
    ['climbing out', `${root}${path.sep}..${path.sep}..${path.sep}secret`],
    ['the root itself', root],
    ['a sibling with the same prefix', `${root}-evil${path.sep}x`],
    ['NUL byte', `${root}${path.sep}a\0b`],
  ])('refuses %s', (_name, filePath) => {
    const d = deps();
    expect(revealFile(filePath, [root], d)).toBe(false);
    expect(d.showItemInFolder).not.toHaveBeenCalled();
  });

  it('refuses a file that does not exist', () => {
    const d = { showItemInFolder: vi.fn(), fileExists: () => false };
    expect(revealFile(path.join(root, 'weg.csv'), [root], d)).toBe(false);
    expect(d.showItemInFolder).not.toHaveBeenCalled();
  });
});

describe('pickSavePath', () => {
  const filter = { name: 'CSV-Datei', extensions: ['csv'] };
  const request = { title: 'Bericht speichern', suggestedName: 'Bericht 2025/03: Fälle', directory: path.resolve('/home/a'), filter };

  it('suggests a safe file name in the folder', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: path.resolve('/home/a/x.csv') }));
    expect(await pickSavePath(request, { showSaveDialog })).toBe(path.resolve('/home/a/x.csv'));
    expect(showSaveDialog).toHaveBeenCalledWith({
      title: 'Bericht speichern',
      defaultPath: path.join(path.resolve('/home/a'), 'Bericht 2025_03_ Fälle'),
      filters: [filter],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('adds a missing extension', async () => {
    const showSaveDialog = async () => ({ canceled: false, filePath: path.resolve('/home/a/bericht') });
    expect(await pickSavePath(request, { showSaveDialog })).toBe(`${path.resolve('/home/a/bericht')}.csv`);
  });

  it('returns null when cancelled or odd', async () => {
    expect(await pickSavePath(request, { showSaveDialog: async () => ({ canceled: true }) })).toBeNull();
    expect(await pickSavePath(request, { showSaveDialog: async () => ({ canceled: false, filePath: '' }) })).toBeNull();
    expect(await pickSavePath(request, { showSaveDialog: async () => ({ canceled: false, filePath: 'rel.csv' }) })).toBeNull();
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['a/b\\c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j'],
    ['..\\..\\x', '_.._x'],
    ['  .versteckt. ', 'versteckt'],
    ['', 'Export'],
    ['...', 'Export'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['Übersicht März', 'Übersicht März'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('caps the length', () => {
    expect(sanitizeFileName('a'.repeat(400))).toHaveLength(150);
  });
});
