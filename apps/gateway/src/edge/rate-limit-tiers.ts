import type { ThrottlerOptions } from '@nestjs/throttler';
import type { GatewayConfig } from '../config/gateway.config';

export const TIERS = ['ip', 'login', 'payment', 'catalog', 'catalog-hour', 'user'] as const;
export type Tier = (typeof TIERS)[number];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const SIGN_IN_PATHS = new Set(['/api/auth/login', '/api/auth/register', '/api/auth/mfa/verify', '/api/auth/passkeys/authentication/options', '/api/auth/passkeys/authentication/verify']);
// Card tokenization and checkout: where card testing (many cards, many small charges) happens.
const PAYMENT_PATHS = new Set(['/api/payments/cards', '/api/orders']);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const READS = new Set(['GET', 'HEAD']);

/** The throttlers of the gateway, one per tier; each request is counted by every tier that applies to it. */
export function rateLimitTiers(config: GatewayConfig): (ThrottlerOptions & { name: Tier })[] {
  return [
    // Everything under /api, per client address. Counted but never blocked beyond the window.
    { name: 'ip', ttl: MINUTE_MS, limit: config.RATE_LIMIT_PER_MINUTE },
    // Password guessing and account enumeration: few tries per address, then a long block.
    { name: 'login', ttl: MINUTE_MS, limit: config.LOGIN_LIMIT_PER_MINUTE, blockDuration: config.LOGIN_BLOCK_SECONDS * 1000 },
    // Card testing: few tokenizations and checkouts per address, then a block.
    { name: 'payment', ttl: MINUTE_MS, limit: config.PAYMENT_LIMIT_PER_MINUTE, blockDuration: config.PAYMENT_BLOCK_SECONDS * 1000 },
    // Catalog scraping: slowed after the soft threshold (see catalogDelayMs), blocked past the hard limit.
    { name: 'catalog', ttl: MINUTE_MS, limit: config.CATALOG_LIMIT_PER_MINUTE, blockDuration: config.CATALOG_BLOCK_SECONDS * 1000 },
    // A patient scraper that stays just under the per-minute limit is still far over any shopper's hour.
    { name: 'catalog-hour', ttl: HOUR_MS, limit: config.CATALOG_LIMIT_PER_HOUR, blockDuration: config.CATALOG_BLOCK_SECONDS * 1000 },
    // Writes per signed-in user, whichever addresses they come from (one account behind many IPs).
    { name: 'user', ttl: MINUTE_MS, limit: config.USER_WRITE_LIMIT_PER_MINUTE },
  ];
}

export interface RequestLine {
  method: string;
  /** Path without query string, as express saw it. */
  path: string;
}

/**
 * Whether a tier counts this request. Paths are compared in lower case:
 * express routes /API/products to the proxy too, and a different spelling
 * must not be a way around the catalog or sign-in tiers.
 */
export function tierApplies(tier: Tier, req: RequestLine): boolean {
  const path = req.path.toLowerCase();
  switch (tier) {
    case 'ip':
      return true;
    case 'login':
      return req.method === 'POST' && SIGN_IN_PATHS.has(path);
    case 'payment':
      return req.method === 'POST' && PAYMENT_PATHS.has(path);
    case 'catalog':
    case 'catalog-hour':
      return READS.has(req.method) && (path === '/api/products' || path.startsWith('/api/products/'));
    case 'user':
      return WRITES.has(req.method) && path.startsWith('/api/');
  }
}

/** The delay for the nth catalog request of the window: +step per request over the soft threshold, capped. */
export function catalogDelayMs(totalHits: number, config: Pick<GatewayConfig, 'CATALOG_SLOW_AFTER_PER_MINUTE' | 'CATALOG_DELAY_STEP_MS' | 'CATALOG_DELAY_MAX_MS'>): number {
  const over = totalHits - config.CATALOG_SLOW_AFTER_PER_MINUTE;
  return over > 0 ? Math.min(over * config.CATALOG_DELAY_STEP_MS, config.CATALOG_DELAY_MAX_MS) : 0;
}

/** For `@SkipThrottle(...)`: a bare `@SkipThrottle()` only skips a throttler named "default", which the gateway does not have. */
export const SKIP_ALL_TIERS: Record<Tier, true> = { ip: true, login: true, payment: true, catalog: true, 'catalog-hour': true, user: true };
