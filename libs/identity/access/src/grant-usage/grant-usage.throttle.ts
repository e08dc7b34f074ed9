/** At most one write per field per minute: a busy admin must not turn every request into a Redis write. */
export const GRANT_USAGE_WRITE_INTERVAL_MS = 60_000;

/** Past this many remembered fields, forget the ones whose minute is over (a process sees few staff, but never grow unbounded). */
const PRUNE_ABOVE = 10_000;

/**
 * Remembers, per process, when each field was last written. The review only
 * needs usage to the day, so losing a minute of precision costs nothing.
 */
export class GrantUsageThrottle {
  private readonly lastWritten = new Map<string, number>();

  constructor(private readonly intervalMs: number = GRANT_USAGE_WRITE_INTERVAL_MS) {}

  /** True (and remembered) when `field` was not written in the last interval. */
  shouldWrite(field: string, nowMs: number): boolean {
    const last = this.lastWritten.get(field);
    if (last !== undefined && nowMs - last < this.intervalMs) return false;
    if (this.lastWritten.size >= PRUNE_ABOVE) this.prune(nowMs);
    this.lastWritten.set(field, nowMs);
    return true;
  }

  /** A write that failed is not counted, so the next request tries again. */
  forget(field: string): void {
    this.lastWritten.delete(field);
  }

  private prune(nowMs: number): void {
    for (const [field, at] of this.lastWritten) if (nowMs - at >= this.intervalMs) this.lastWritten.delete(field);
  }
}
