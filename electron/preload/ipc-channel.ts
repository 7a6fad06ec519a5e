/**
 * The one channel to the main process; the same string as `electron/main/ipc-channel.ts`
 * (the layering forbids importing it from there; a test keeps the two equal).
 */
export const invokeChannel = 'kim:invoke';
