/**
 * The unlock delay after repeated wrong passwords: none for the first two, then 2^(n-3) seconds
 * after the n-th consecutive failure, capped at five minutes. It slows guessing on a stolen
 * laptop while a colleague who mistypes twice is not held up at all.
 */
export const freeAttempts = 2;
export const maxDelayMs = 300_000;

export function delayAfterFailures(failures: number): number {
  if (failures <= freeAttempts) return 0;
  return Math.min(2 ** (failures - 3) * 1000, maxDelayMs);
}

/** Milliseconds until the next try is accepted (0 = now). */
export function retryAfterMs(failures: number, lastFailureAt: string | null, now: number): number {
  if (lastFailureAt === null) return 0;
  const last = Date.parse(lastFailureAt);
  if (Number.isNaN(last)) return 0;
  const delay = delayAfterFailures(failures);
  // clamped to the delay itself, so a laptop clock set back cannot lock a person out for hours
  return Math.min(delay, Math.max(0, last + delay - now));
}

export function tooManyAttemptsMessage(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `Zu viele Fehlversuche. Bitte in ${seconds} ${seconds === 1 ? 'Sekunde' : 'Sekunden'} erneut versuchen.`;
}
