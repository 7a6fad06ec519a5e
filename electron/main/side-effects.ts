import path from 'node:path';
import { isSafeExternalUrl } from './navigation';

/**
 * The few things the shell does to the world outside the window, as plain functions with the
 * effect passed in (Actual Budget's desktop shell does the same), so their rules are tested in
 * Node and `main.ts` only plugs in `shell` and `dialog`.
 */

export interface OpenExternalDeps {
  openExternal(url: string): Promise<void>;
}

/** Opens an https link in the system browser; anything else is refused. Returns whether it opened. */
export async function openLink(url: string, deps: OpenExternalDeps): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  try {
    await deps.openExternal(new URL(url).href);
    return true;
  } catch {
    return false;
  }
}

export interface RevealFileDeps {
  showItemInFolder(fullPath: string): void;
  fileExists(fullPath: string): boolean;
}

/**
 * Shows a file in the system file manager (e.g. an export just written). Only an absolute,
 * existing path below one of `allowedRoots` (user data, the export folder the user picked):
 * a path from elsewhere must not be able to make us open a folder of its choosing.
 */
export function revealFile(filePath: string, allowedRoots: readonly string[], deps: RevealFileDeps): boolean {
  if (filePath.includes('\0') || !path.isAbsolute(filePath)) return false;
  const normalized = path.resolve(filePath);
  const inside = allowedRoots.some((root) => {
    const relative = path.relative(path.resolve(root), normalized);
    return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
  });
  if (!inside || !deps.fileExists(normalized)) return false;
  deps.showItemInFolder(normalized);
  return true;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveDialogDeps {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
    properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

/**
 * Asks where to save a file. The suggested name is reduced to a plain file name (no folders, no
 * characters Windows refuses), and a chosen path without the expected extension gets it, so an
 * export is never saved as an extensionless file nobody can open.
 */
export async function pickSavePath(
  request: { title: string; suggestedName: string; directory: string; filter: FileFilter },
  deps: SaveDialogDeps,
): Promise<string | null> {
  const extension = request.filter.extensions[0];
  const result = await deps.showSaveDialog({
    title: request.title,
    defaultPath: path.join(request.directory, sanitizeFileName(request.suggestedName)),
    filters: [request.filter],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
  if (!path.isAbsolute(result.filePath)) return null;
  if (extension !== undefined && path.extname(result.filePath).toLowerCase() !== `.${extension.toLowerCase()}`) {
    return `${result.filePath}.${extension}`;
  }
  return result.filePath;
}

// eslint-disable-next-line no-control-regex
const unsafeFileNameCharacters = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;

const windowsDeviceName = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** A file name that is safe on Windows, macOS and Linux; "Export" when nothing is left. */
export function sanitizeFileName(name: string): string {
  const cleaned = name.replace(unsafeFileNameCharacters, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 150);
  if (cleaned === '') return 'Export';
  // CON, NUL, COM1 … are devices on Windows, whatever the extension.
  return windowsDeviceName.test(cleaned) ? `_${cleaned}` : cleaned;
}
