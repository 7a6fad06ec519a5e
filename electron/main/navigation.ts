import { isAppUrl } from './app-identity';

/**
 * Decisions about where a window may go, as pure functions; `hardening.ts` applies them to
 * Electron's events. The app is one page on `app://kim`: every navigation away from it is
 * refused, and a link the user clicks opens in the system browser only if it is https.
 */

/** `will-navigate`, `will-frame-navigate`, `will-redirect`: stay on our own protocol. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * A link may leave for the system browser only over https, to a real host, without credentials
 * in the URL (they would end up in the browser's history), and not longer than a sane URL is.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

export interface WindowOpenDecision {
  /** new Electron windows are never created */
  action: 'deny';
  /** the URL to hand to the system browser, or null */
  openExternally: string | null;
}

/** `setWindowOpenHandler`: never a new window; https links go to the system browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) ? new URL(url).href : null };
}
