const MAX_KEYS = 10_000;

/**
 * Remembers which keys were reported in the current window, so a flood
 * produces one security event per client per window, not one per request
 * (which would turn an attack on the gateway into one on Redis and the monitor).
 */
export class OncePerWindow {
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True the first time `key` is seen in a window of `windowMs`. */
  first(key: string, windowMs: number): boolean {
    const now = this.now();
    const until = this.until.get(key);
    if (until !== undefined && until > now) return false;
    if (this.until.size >= MAX_KEYS) this.evict(now);
    this.until.set(key, now + windowMs);
    return true;
  }

  private evict(now: number): void {
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
    // Still full of live keys (a wide flood): forget them all rather than grow without bound.
    if (this.until.size >= MAX_KEYS) this.until.clear();
  }
}
