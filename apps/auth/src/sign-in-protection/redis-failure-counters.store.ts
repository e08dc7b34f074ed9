import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisTlsOptions } from '@storefront/platform/config';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { LOCK_DURATION_MS, SOURCE_WINDOW_MS } from './sign-in-policy';

/** How long a failure counter for an email without an account is kept since its last failure. */
export const UNKNOWN_EMAIL_COUNTER_TTL_MS = 24 * 60 * 60_000;

export interface EmailFailureState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

/**
 * One failure on an email without an account, with the same rules as the
 * account counter in the database: an expired lock starts a fresh count,
 * the failure reaching the maximum sets the lock. A script, so it is atomic.
 */
const RECORD_EMAIL_FAILURE = `
local now = tonumber(ARGV[1])
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
local lockedUntil = tonumber(redis.call('HGET', KEYS[1], 'lockedUntil') or '0')
if lockedUntil > 0 and lockedUntil <= now then count = 0 lockedUntil = 0 end
count = count + 1
if count >= tonumber(ARGV[2]) then lockedUntil = now + tonumber(ARGV[3]) end
redis.call('HSET', KEYS[1], 'count', count, 'lockedUntil', lockedUntil)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {count, lockedUntil}
`;

/**
 * Sign-in failure counters kept in Redis rather than the database: the key
 * space is chosen by attackers (any IP, any email), the data is short-lived
 * (keys expire on their own instead of needing a cleanup job), every auth
 * instance shares it, and the write rate under attack should not land on the
 * accounts database. Emails are stored only as digests.
 *
 * 1. Per source IP: a sorted set, member = digest of the email tried, score
 *    = time of the latest failure, so its size within the window is the
 *    number of distinct accounts that source failed against. Scores come
 *    from the service clock so tests can move time; the TTL is a safety net.
 * 2. Per email WITHOUT an account: a count and a lock end, mirroring the
 *    account columns, so neither a 423 nor a slowed answer tells an attacker
 *    which emails have accounts.
 *
 * Fails open: if Redis is down, sign-in still works (the per-account lock in
 * the database keeps protecting every real account); the outage is logged.
 */
@Injectable()
export class RedisFailureCounters implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisFailureCounters.name);
  private readonly redis: Redis;
  private readonly prefix: string;
  private lastWarnedAt = 0;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    // Short timeouts: a slow Redis must not hold up a sign-in.
    this.redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 500, connectTimeout: 2_000, ...redisTlsOptions(config.REDIS_URL) });
    this.redis.on('error', () => undefined); // reported per command below; avoids an unhandled 'error' event
    this.prefix = `${config.SECURITY_EVENTS_PREFIX}:auth:sign-in-failures:`;
  }

  /** Distinct emails this source failed against within the window ending at `now` (0 when unknown). */
  async distinctEmails(ip: string | undefined, now: Date): Promise<number> {
    if (!ip || !this.available()) return 0;
    try {
      return await this.redis.zcount(this.key(ip), now.getTime() - SOURCE_WINDOW_MS, '+inf');
    } catch (error) {
      this.warn(error);
      return 0;
    }
  }

  /** Records a failure and returns the distinct emails within the window, this one included (0 when unknown). */
  async recordFailure(ip: string | undefined, email: string, now: Date): Promise<number> {
    if (!ip || !this.available()) return 0;
    const key = this.key(ip);
    const at = now.getTime();
    try {
      const results = await this.redis
        .multi()
        .zadd(key, at, emailDigest(email))
        .zremrangebyscore(key, '-inf', at - SOURCE_WINDOW_MS)
        .zcard(key)
        .pexpire(key, SOURCE_WINDOW_MS)
        .exec();
      const count = results?.[2]?.[1];
      return typeof count === 'number' ? count : 0;
    } catch (error) {
      this.warn(error);
      return 0;
    }
  }

  /** The failure state of an email that has no account (zero and unlocked when unknown). */
  async unknownEmailState(email: string): Promise<EmailFailureState> {
    if (!this.available()) return { failedLoginCount: 0, lockedUntil: null };
    try {
      const [count, lockedUntil] = await this.redis.hmget(this.emailKey(email), 'count', 'lockedUntil');
      return toState(Number(count ?? 0), Number(lockedUntil ?? 0));
    } catch (error) {
      this.warn(error);
      return { failedLoginCount: 0, lockedUntil: null };
    }
  }

  async recordUnknownEmailFailure(email: string, now: Date, maxFailures: number): Promise<EmailFailureState | null> {
    if (!this.available()) return null;
    try {
      const result = (await this.redis.eval(RECORD_EMAIL_FAILURE, 1, this.emailKey(email), now.getTime(), maxFailures, LOCK_DURATION_MS, UNKNOWN_EMAIL_COUNTER_TTL_MS)) as [number, number];
      return toState(result[0], result[1]);
    } catch (error) {
      this.warn(error);
      return null;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** During an outage skip at once instead of waiting for a command timeout on every sign-in. */
  private available(): boolean {
    if (this.redis.status === 'ready') return true;
    this.warn(new Error(`Redis connection is ${this.redis.status}`));
    return false;
  }

  private key(ip: string): string {
    return `${this.prefix}ip:${ip}`;
  }

  private emailKey(email: string): string {
    return `${this.prefix}unknown-email:${emailDigest(email)}`;
  }

  // One line per 30 s at most: under attack during an outage every sign-in would log.
  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarnedAt < 30_000) return;
    this.lastWarnedAt = now;
    this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'sign-in failure counters unavailable; continuing without per-source throttling');
  }
}

/** Emails are kept only as a digest: the counters are for counting, not for reading who was targeted. */
function emailDigest(email: string): string {
  return createHash('sha256').update(email).digest('hex').slice(0, 32);
}

function toState(count: number, lockedUntilMs: number): EmailFailureState {
  return { failedLoginCount: Number.isFinite(count) ? count : 0, lockedUntil: lockedUntilMs > 0 ? new Date(lockedUntilMs) : null };
}
