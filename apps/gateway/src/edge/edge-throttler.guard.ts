import { setTimeout as sleep } from 'node:timers/promises';
import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { EscalatingThrottlerRecord } from '@storefront/edge/rate-limit';
import { AccessTokenVerifier } from '@storefront/identity/access';
import { SecurityEventPublisher, type SecurityEventDetails } from '@storefront/platform/events';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { clientIp } from './client-ip';
import { edgeError, EdgeError } from './edge.errors';
import { OncePerWindow } from './once-per-window';
import { catalogDelayMs, type Tier, tierApplies } from './rate-limit-tiers';

// Same shape the edge authenticator accepts.
const BEARER = /^Bearer ([A-Za-z0-9_.-]{20,4096})$/;

/**
 * The gateway's rate limits (tiers in rate-limit-tiers.ts), counted in Redis
 * so every replica shares them. Past a limit: 429 RATE_LIMITED with
 * Retry-After, reported once per client and window as `edge.rate_limited`.
 * Catalog reads over the soft threshold are delayed before they are forwarded.
 */
@Injectable()
export class EdgeThrottlerGuard extends ThrottlerGuard {
  // Property injection keeps ThrottlerGuard's own constructor (and its decorators) untouched.
  @Inject(SecurityEventPublisher) private readonly events!: SecurityEventPublisher;
  @Inject(AccessTokenVerifier) private readonly verifier!: AccessTokenVerifier;
  @Inject(GATEWAY_CONFIG) private readonly config!: GatewayConfig;
  private readonly reported = new OncePerWindow();
  private lastStorageErrorAt = 0;

  protected override async handleRequest({ context, limit, ttl, throttler, blockDuration, generateKey }: ThrottlerRequest): Promise<boolean> {
    const tier = throttler.name as Tier;
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const tracker = await this.trackerFor(tier, req);
    if (tracker === undefined) return true;
    const key = generateKey(context, tracker, tier);

    let record: EscalatingThrottlerRecord;
    try {
      record = (await this.storageService.increment(key, ttl, limit, blockDuration, tier)) as EscalatingThrottlerRecord;
    } catch (error) {
      return this.storageUnavailable(tier, error);
    }
    if (record.isBlocked) {
      res.setHeader('Retry-After', String(record.timeToBlockExpire));
      this.report(tier, req, { ...record, limit, ttl, key, tracker }, blockDuration > 0);
      throw edgeError(EdgeError.RateLimited, 'Too many requests; wait a moment and try again.');
    }
    if (tier === 'catalog') {
      const delay = catalogDelayMs(record.totalHits, this.config);
      if (delay > 0) await sleep(delay);
    }
    return true;
  }

  /** Keys are readable in Redis (`<prefix>:{<tier>:<tracker>}:hits`); the storage adds the prefix and tier. */
  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return tracker;
  }

  /** Who a tier counts for this request, or undefined when the tier does not apply. */
  private async trackerFor(tier: Tier, req: Request): Promise<string | undefined> {
    if (!tierApplies(tier, req)) return undefined;
    if (tier !== 'user') return clientIp(req);
    // Keyed by the verified user id only: an unverified `sub` would let anyone spend someone else's budget.
    // A missing or bad token is not counted here; the proxy answers it with 401 (and reports it).
    const match = BEARER.exec(req.headers.authorization ?? '');
    if (!match) return undefined;
    try {
      return `user:${(await this.verifier.verify(match[1])).id}`;
    } catch {
      return undefined;
    }
  }

  /**
   * One event and one log line per block (tiers with a block period: when the
   * block starts, naming its length and strike) or per client and window
   * (tiers without), never one per refused request.
   */
  private report(tier: Tier, req: Request, detail: ThrottlerLimitDetail & EscalatingThrottlerRecord, blocks: boolean): void {
    if (blocks ? !detail.blockStarted : !this.reported.first(`${tier}:${detail.tracker}`, detail.ttl)) return;
    const userId = tier === 'user' ? detail.tracker.slice('user:'.length) : undefined;
    const details: SecurityEventDetails = { tier, limit: detail.limit, windowMs: detail.ttl, method: req.method, path: req.path.slice(0, 200) };
    if (blocks) Object.assign(details, { blockSeconds: detail.timeToBlockExpire, strike: detail.strikes });
    this.logger.warn({ ...details, ip: clientIp(req), ...(userId ? { userId } : {}) }, blocks ? 'rate limit block started' : 'rate limit reached');
    void this.events.publish({
      type: 'edge.rate_limited',
      outcome: 'blocked',
      ...(userId ? { actor: { userId } } : {}),
      source: { ip: clientIp(req), ...userAgentOf(req) },
      details,
    });
  }

  /**
   * Redis down: the general tiers fail open (an outage of the counter must
   * not take the shop down), the sign-in tier fails closed (password
   * guessing must never become unlimited).
   */
  private storageUnavailable(tier: Tier, error: unknown): boolean {
    const now = Date.now();
    if (now - this.lastStorageErrorAt > 30_000) {
      this.lastStorageErrorAt = now;
      this.logger.warn({ tier, reason: error instanceof Error ? error.message : String(error) }, 'rate limit store unavailable');
    }
    if (tier === 'login') throw edgeError(EdgeError.Unavailable, 'Sign-in is not available right now; try again shortly.');
    return true;
  }
}

export function userAgentOf(req: Request): { userAgent?: string } {
  const userAgent = req.headers['user-agent'];
  return userAgent ? { userAgent: userAgent.slice(0, 512) } : {};
}
