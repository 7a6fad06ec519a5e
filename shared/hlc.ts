/**
 * Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, tie-broken by
 * device id. Its text form sorts lexicographically in clock order, so SQL can compare stamps as
 * strings. It guards merges against skewed laptop clocks (DESIGN.md, Sync).
 *
 * Format: 15-digit ms, '-', 6-digit counter, '-', deviceId.
 */
export interface Hlc {
  readonly millis: number;
  readonly counter: number;
  readonly deviceId: string;
}

const maxCounter = 999_999;

export function formatHlc(hlc: Hlc): string {
  return `${String(hlc.millis).padStart(15, '0')}-${String(hlc.counter).padStart(6, '0')}-${hlc.deviceId}`;
}

export function parseHlc(text: string): Hlc {
  const match = /^(\d{15})-(\d{6})-(.+)$/.exec(text);
  if (!match) throw new Error('Ungültiger HLC-Zeitstempel');
  return { millis: Number(match[1]), counter: Number(match[2]), deviceId: match[3]! };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A clock for one device. `now` is injected so tests can skew it. */
export class HybridClock {
  private millis = 0;
  private counter = 0;
  constructor(
    readonly deviceId: string,
    private readonly now: () => number = Date.now,
    last?: string,
  ) {
    if (last) {
      const parsed = parseHlc(last);
      this.millis = parsed.millis;
      this.counter = parsed.counter;
    }
  }

  /** A stamp for a local event. */
  tick(): string {
    const wall = this.now();
    if (wall > this.millis) {
      this.millis = wall;
      this.counter = 0;
    } else {
      this.bumpCounter();
    }
    return formatHlc({ millis: this.millis, counter: this.counter, deviceId: this.deviceId });
  }

  /** Merge a stamp received from elsewhere, so later local stamps sort after it. */
  receive(remote: string): void {
    const other = parseHlc(remote);
    const wall = this.now();
    const top = Math.max(wall, this.millis, other.millis);
    if (top === this.millis && top === other.millis) this.counter = Math.max(this.counter, other.counter);
    else if (top === other.millis) this.counter = other.counter;
    else if (top !== this.millis) this.counter = -1;
    this.millis = top;
    this.bumpCounter();
  }

  /** The last stamp handed out, for persisting across restarts. */
  current(): string {
    return formatHlc({ millis: this.millis, counter: Math.max(this.counter, 0), deviceId: this.deviceId });
  }

  private bumpCounter(): void {
    if (this.counter >= maxCounter) {
      this.millis += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}
