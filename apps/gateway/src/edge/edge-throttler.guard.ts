import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request } from 'express';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { clientIp } from './client-ip';
import { edgeError, EdgeError } from './edge.errors';
import { OncePerWindow } from './once-per-window';

/**
 * Per-IP rate limit on every Nest route of the gateway (the whole /api),
 * counted on the socket address, answered with 429 RATE_LIMITED in the
 * error shape and reported as an `edge.rate_limited` security event.
 */
@Injectable()
export class EdgeThrottlerGuard extends ThrottlerGuard {
  // Property injection keeps ThrottlerGuard's own constructor (and its decorators) untouched.
  @Inject(SecurityEventPublisher) private readonly events!: SecurityEventPublisher;
  private readonly reported = new OncePerWindow();

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return clientIp(req as unknown as Request);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const req = context.switchToHttp().getRequest<Request>();
    if (this.reported.first(detail.tracker, detail.ttl)) {
      void this.events.publish({
        type: 'edge.rate_limited',
        outcome: 'blocked',
        source: { ip: detail.tracker, ...userAgentOf(req) },
        details: { limit: detail.limit, windowMs: detail.ttl, method: req.method, path: req.path.slice(0, 200) },
      });
    }
    throw edgeError(EdgeError.RateLimited, 'Too many requests from your address; wait a moment and try again.');
  }
}

export function userAgentOf(req: Request): { userAgent?: string } {
  const userAgent = req.headers['user-agent'];
  return userAgent ? { userAgent: userAgent.slice(0, 512) } : {};
}
