import type { Session, WebContents } from 'electron';
import { withContentSecurityPolicy } from './csp';
import { decideWindowOpen, isAllowedNavigation } from './navigation';
import { denyDevicePermission, denyPermissionCheck, denyPermissionRequest } from './permissions';

/**
 * Applies the pure decisions of `navigation.ts` and `permissions.ts` to Electron objects. Only
 * types are imported from `electron`, so tests drive these with stand-ins. `main.ts` calls
 * `hardenWebContents` for every web contents the app ever creates (`web-contents-created`), not
 * just the main window's.
 */
export function hardenWebContents(
  contents: WebContents,
  deps: { openExternal(url: string): void; log?(message: string): void },
): void {
  const log = deps.log ?? ((message: string) => console.warn(message));
  const guard = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      log(`[kim] ${kind} blocked`);
    }
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('[kim] <webview> blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally !== null) deps.openExternal(decision.openExternally);
    return { action: decision.action };
  });
}

/**
 * Session-wide: every permission denied, and the CSP forced onto any response that does not come
 * from our own protocol handler (which sets it itself) — defence in depth should a page ever load
 * from elsewhere.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
