import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

/**
 * Writes a small file so that a crash or power loss leaves either the old or the new content,
 * never a torn one: temp file, fsync, rename over the target, fsync the folder.
 */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, content, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  fsyncDirectory(dirname(path));
}

/** Makes the rename durable on POSIX; Windows cannot open folders for fsync and needs no help. */
function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported on this platform; the rename itself is still atomic
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
