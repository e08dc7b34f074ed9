import { robustScore, median } from './robust-stats';
import { type EventHistory, type Finding, minutes, type RecordedEvent, type Rule, subject } from './rule';

export const UNUSUAL_PURCHASE_RULE = 'orders.unusual_purchase';

export interface UnusualPurchasePolicy {
  /**
   * Orders needed before a customer's own history is trusted. With fewer,
   * a median says little (two orders have a MAD of half their difference),
   * so new customers are judged by `newCustomerTotalCents` alone.
   */
  minHistory: number;
  historyMs: number;
  historyLimit: number;
  /** Modified z-score above which an order is unusual (3.5 is the textbook cut; higher keeps false positives rare). */
  scoreThreshold: number;
  /** And at least this many times the median, so a low-spread shopper's slightly larger basket is not flagged. */
  minRatio: number;
  newCustomerTotalCents: number;
}
export const DEFAULT_UNUSUAL_PURCHASE: UnusualPurchasePolicy = {
  minHistory: 5,
  historyMs: 180 * 24 * minutes(60),
  historyLimit: 50,
  scoreThreshold: 6,
  minRatio: 3,
  newCustomerTotalCents: 500_000,
};

interface Basket {
  totalCents: number;
  itemCount: number;
}
const basketOf = (e: RecordedEvent): Basket | null =>
  typeof e.details.totalCents === 'number' && typeof e.details.itemCount === 'number' ? { totalCents: e.details.totalCents, itemCount: e.details.itemCount } : null;

export interface PurchaseVerdict {
  score: number;
  measure: 'total' | 'items' | 'new customer total';
  usual: number;
}

/** Pure: is this basket far above the customer's own usual (median) on total or item count? */
export function judgePurchase(current: Basket, past: readonly Basket[], policy: UnusualPurchasePolicy = DEFAULT_UNUSUAL_PURCHASE): PurchaseVerdict | null {
  if (past.length < policy.minHistory) {
    return current.totalCents >= policy.newCustomerTotalCents ? { score: Number.POSITIVE_INFINITY, measure: 'new customer total', usual: 0 } : null;
  }
  const measures = [
    { measure: 'total' as const, value: current.totalCents, history: past.map((b) => b.totalCents), floor: { share: 0.1, absolute: 500 } },
    { measure: 'items' as const, value: current.itemCount, history: past.map((b) => b.itemCount), floor: { share: 0.1, absolute: 1 } },
  ];
  for (const { measure, value, history, floor } of measures) {
    const usual = median(history);
    const score = robustScore(value, history, floor);
    if (score >= policy.scoreThreshold && value >= policy.minRatio * usual) return { score, measure, usual };
  }
  return null;
}

/**
 * An order far above what this customer usually buys: scored against the
 * customer's own history (median + MAD) rather than one store-wide
 * threshold, so a wholesale buyer's normal order is not an alert and a
 * small spender's sudden large one is. Medium severity; the response asks
 * to hold the order for review.
 */
export class UnusualPurchaseRule implements Rule {
  readonly name = UNUSUAL_PURCHASE_RULE;
  readonly triggers = ['order.placed'] as const;

  constructor(private readonly policy: UnusualPurchasePolicy = DEFAULT_UNUSUAL_PURCHASE) {}

  async evaluate(event: RecordedEvent, history: EventHistory): Promise<Finding[]> {
    const current = basketOf(event);
    if (!event.userId || !current) return [];
    const from = new Date(event.occurredAt.getTime() - this.policy.historyMs);
    const earlier = await history.recent({ types: this.triggers, by: { kind: 'user', value: event.userId }, from, to: event.occurredAt, limit: this.policy.historyLimit + 1 });
    const past = earlier.filter((e) => e.id !== event.id).flatMap((e) => basketOf(e) ?? []);
    const verdict = judgePurchase(current, past, this.policy);
    if (!verdict) return [];
    const orderId = typeof event.details.orderId === 'string' ? event.details.orderId : event.id;
    const shown = verdict.measure === 'items' ? current.itemCount : current.totalCents;
    return [
      {
        rule: this.name,
        severity: 'medium',
        summary:
          verdict.measure === 'new customer total'
            ? `New customer ${event.userId} placed an order of ${current.totalCents} cents`
            : `Order ${orderId} of ${event.userId}: ${verdict.measure} ${shown} vs usual ${verdict.usual} (robust score ${verdict.score.toFixed(1)})`,
        subjects: [subject('user', event.userId), `order:${orderId}`],
        eventIds: [event.id],
        quietMs: 0,
        responses: [{ action: 'hold_order', target: orderId }],
      },
    ];
  }
}
