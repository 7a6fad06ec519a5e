/**
 * The app needs no camera, microphone, location, notifications, clipboard reading, MIDI, HID or
 * anything else a web page can ask for, so every request and every check is denied. Signatures
 * are structural so Node tests can call them without Electron.
 */
export function denyPermissionRequest(
  _webContents: unknown,
  permission: string,
  callback: (permissionGranted: boolean) => void,
): void {
  console.warn(`[kim] permission denied: ${permission}`);
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

export function denyDevicePermission(): boolean {
  return false;
}
