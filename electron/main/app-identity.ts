import path from 'node:path';

/**
 * Who the app is on disk and on its own protocol. One place, so the protocol handler, the
 * navigation guards and the sender check cannot disagree about what "our page" means.
 */
export const productName = 'KIM Fallakte';

/** The renderer is served from `app://kim/…`; never from `file://` (DESIGN.md, Electron shell). */
export const appScheme = 'app';
export const appHost = 'kim';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * True when `url` is a page of our own protocol. `URL.origin` is the string "null" for custom
 * schemes in Node, so scheme and host are compared instead.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.host === appHost &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

/**
 * The user-data folder. Fixed to the product name (not the npm package name) so that dev runs and
 * installed builds share nothing by accident; `KIM_USER_DATA_DIR` lets the Electron e2e tests run
 * against a throwaway folder. A relative override is refused: it would depend on the cwd.
 */
export function resolveUserDataDir(appDataDir: string, env: Readonly<Record<string, string | undefined>>): string {
  const override = env.KIM_USER_DATA_DIR;
  if (override !== undefined && override !== '') {
    if (!path.isAbsolute(override)) {
      throw new Error('KIM_USER_DATA_DIR muss ein absoluter Pfad sein.');
    }
    return path.normalize(override);
  }
  return path.join(appDataDir, productName);
}

/** The core's own folder inside user data, apart from Chromium's caches and local storage. */
export function coreDataDir(userDataDir: string): string {
  return path.join(userDataDir, 'data');
}
