/**
 * Token buckets in process memory, per key (an IP address or a device id). Simple on purpose:
 * with several instances each keeps its own buckets, so the effective limit is the limit times
 * the number of instances — fine for fending off a runaway client or a code-guessing script.
 */
export interface BucketConfig {
  /** requests allowed in a burst */
  readonly capacity: number;
  /** tokens added per second */
  readonly refillPerSecond: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly config: BucketConfig,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {}

  /** Takes one token; returns 0 when allowed, else the milliseconds until the next token. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.config.capacity, at: now };
    bucket.tokens = Math.min(this.config.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.config.refillPerSecond);
    bucket.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= this.maxKeys) this.evictFull(now);
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / this.config.refillPerSecond) * 1000);
  }

  /** Keys whose bucket refilled completely carry no information: forget them. */
  private evictFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.config.refillPerSecond >= this.config.capacity) this.buckets.delete(key);
    }
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}

export interface RateLimits {
  readonly perIp: BucketConfig;
  readonly perDevice: BucketConfig;
  /** enrollment codes are short: guessing must be slow */
  readonly enrollPerIp: BucketConfig;
  /**
   * Document chunks have their own, larger bucket: a 15 MB scan is 60 chunk requests, and they
   * must neither trip the limit meant for push/pull nor eat the budget of the next sync.
   */
  readonly documentsPerDevice: BucketConfig;
}

export const defaultRateLimits: RateLimits = {
  perIp: { capacity: 300, refillPerSecond: 5 },
  perDevice: { capacity: 60, refillPerSecond: 1 },
  enrollPerIp: { capacity: 10, refillPerSecond: 1 / 60 },
  documentsPerDevice: { capacity: 240, refillPerSecond: 8 },
};
