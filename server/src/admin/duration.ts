import { AdminError } from './admin-error';

const units: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "30m", "24h", "7d" → milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d{1,5})([mhd])$/.exec(text.trim());
  if (!match || Number(match[1]) === 0) {
    throw new AdminError(
      `Ungültige Dauer "${text}". Beispiele: 30m, 24h, 7d.`,
      `Invalid duration "${text}". Examples: 30m, 24h, 7d.`,
    );
  }
  return Number(match[1]) * units[match[2]!]!;
}
