import { isAppUrl } from './app-identity';

/** The parts of Electron's `WebFrameMain` the check reads; fake frames in tests have the same. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

/**
 * Every IPC message must come from the main frame of our own window showing our own page
 * (DESIGN.md, The IPC contract; VS Code validates its IPC the same way). This refuses:
 * a missing frame (it navigated away or was destroyed mid-call), any subframe, a frame of
 * another window or process, and our window once it shows anything but `app://kim`.
 */
export function isTrustedSender(senderFrame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  if (!senderFrame || !mainFrame) return false;
  if (senderFrame.parent !== null) return false;
  if (senderFrame.processId !== mainFrame.processId || senderFrame.routingId !== mainFrame.routingId) return false;
  return isAppUrl(senderFrame.url);
}
