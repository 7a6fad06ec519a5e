import nodePath from 'node:path';
import { appHost, appScheme } from './app-identity';

/** The subset of `node:path` the guard needs; tests pass `path.win32` to check Windows rules. */
export type PathApi = Pick<typeof nodePath, 'resolve' | 'join' | 'relative' | 'isAbsolute' | 'sep'>;

export type AppRequestResolution =
  | { ok: true; filePath: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

export const indexFile = 'index.html';

const refuse = (status: 400 | 403 | 404, reason: string): AppRequestResolution => ({ ok: false, status, reason });

/**
 * Maps an `app://kim/…` request URL to a file inside `root`, or refuses it. The single gate
 * between a page (possibly compromised) and the disk, so it is strict rather than clever:
 *
 * - only our scheme and host; no user, password or port;
 * - every path segment is decoded on its own, and a segment that then contains a separator
 *   (`/`, `\`), NUL, a colon (Windows drive letters, NTFS streams) or a control character, or is
 *   `.`/`..`/a dotfile, refuses the whole request — the URL parser already folds `/../` and
 *   `%2e%2e`, but `..%2f` or `%5c` only become dangerous after decoding;
 * - the joined path must still lie inside `root` (`path.relative` does not climb out).
 *
 * A path whose last segment has no extension is a client-side route and gets `index.html`.
 */
export function resolveAppRequest(rawUrl: string, root: string, pathApi: PathApi = nodePath): AppRequestResolution {
  // Backslashes are folded into slashes by the URL parser for special schemes and kept for
  // ours; refusing them up front keeps the two cases alike.
  if (rawUrl.includes('\\')) return refuse(400, 'backslash');
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return refuse(400, 'unparsable');
  }
  if (url.protocol !== `${appScheme}:`) return refuse(403, 'scheme');
  if (url.host !== appHost || url.username !== '' || url.password !== '' || url.port !== '') {
    return refuse(403, 'host');
  }

  const rawSegments = url.pathname.split('/').filter((segment) => segment !== '');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(400, 'encoding');
    }
    if (!isSafeSegment(segment)) return refuse(403, 'segment');
    segments.push(segment);
  }

  const last = segments.at(-1);
  if (last === undefined || !last.includes('.')) {
    segments.splice(0, segments.length, indexFile);
  }

  const resolvedRoot = pathApi.resolve(root);
  const filePath = pathApi.resolve(resolvedRoot, ...segments);
  if (!isInside(resolvedRoot, filePath, pathApi)) return refuse(403, 'outside root');
  return { ok: true, filePath };
}

// Control characters include NUL; a colon would let `C:x` or `file:stream` escape on Windows.
// eslint-disable-next-line no-control-regex
const forbiddenInSegment = /[\u0000-\u001f\u007f/\\:*?"<>|]/;

function isSafeSegment(segment: string): boolean {
  if (segment === '' || segment.startsWith('.')) return false;
  // Windows ignores trailing dots and spaces, so `index.html.` would name `index.html`.
  if (segment.endsWith('.') || segment.endsWith(' ')) return false;
  return !forbiddenInSegment.test(segment);
}

/** True when `candidate` is `root` itself or lies below it. */
export function isInside(root: string, candidate: string, pathApi: PathApi = nodePath): boolean {
  const relative = pathApi.relative(root, candidate);
  if (relative === '') return true;
  if (pathApi.isAbsolute(relative)) return false;
  const first = relative.split(pathApi.sep)[0];
  return first !== '..';
}
