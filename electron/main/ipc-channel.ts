/**
 * The one `ipcMain.handle` channel. Every contract channel travels inside it as an argument, so
 * there is exactly one handler to guard. The preload declares the same string (it may not import
 * from here); a test keeps the two equal.
 */
export const invokeChannel = 'kim:invoke';
