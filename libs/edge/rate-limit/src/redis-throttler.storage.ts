import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { INCREMENT_SCRIPT } from './increment-script';

/** What the throttler guard expects back (the record type itself is not exported by the package root). */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** The throttler's record plus what escalation adds, for the guard to report. */
export interface EscalatingThrottlerRecord extends ThrottlerStorageRecord {
  /** True only for the request that started a block: report the block once, when it begins. */
  blockStarted: boolean;
  /** How many blocks this tracker earned within the memory period (the one just started included). */
  strikes: number;
}

export interface BlockEscalation {
  /** Upper bound of a doubled block, in ms. */
  longestBlockMs: number;
  /** How long a block is remembered for doubling the next one, in ms. */
  memoryMs: number;
}

export interface RedisThrottlerStorageOptions {
  /** Every key this storage writes starts with it (e.g. `storefront:ratelimit`), so deployments and tests never share counts by accident. */
  prefix: string;
  /** Repeat offenders get doubled blocks; without it every block lasts the tier's blockDuration. */
  escalation?: BlockEscalation;
}

type ScriptReply = [totalHits: number, windowLeftMs: number, blocked: 0 | 1, blockLeftMs: number, blockStarted: 0 | 1, strikes: number];

/** The ioredis client with the script registered as a command (sent by SHA, re-sent in full after a Redis restart). */
interface RedisWithIncrement extends Redis {
  storefrontThrottlerIncrement(
    hitsKey: string,
    blockKey: string,
    strikesKey: string,
    windowMs: number,
    limit: number,
    blockMs: number,
    longestBlockMs: number,
    memoryMs: number,
  ): Promise<ScriptReply>;
}

const COMMAND = 'storefrontThrottlerIncrement';

/**
 * @nestjs/throttler storage in Redis: counts live outside the process, so
 * every gateway replica shares them and a restart forgets nothing. Each
 * increment is one Lua script, so counting and blocking are atomic.
 * The caller owns the Redis client (and closes it).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly redis: RedisWithIncrement;

  constructor(
    redis: Redis,
    private readonly options: RedisThrottlerStorageOptions,
  ) {
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 3, lua: INCREMENT_SCRIPT });
    this.redis = redis as RedisWithIncrement;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<EscalatingThrottlerRecord> {
    // The hash tag keeps all keys of one tracker on the same cluster slot (a script may only touch one slot).
    const base = `${this.options.prefix}:{${throttlerName}:${key}}`;
    const blockMs = Math.max(0, Math.ceil(blockDuration));
    const { longestBlockMs, memoryMs } = this.options.escalation ?? { longestBlockMs: blockMs, memoryMs: blockMs };
    const [totalHits, windowLeftMs, blocked, blockLeftMs, blockStarted, strikes] = await this.redis.storefrontThrottlerIncrement(
      `${base}:hits`,
      `${base}:block`,
      `${base}:strikes`,
      Math.max(1, Math.ceil(ttl)),
      Math.floor(limit),
      blockMs,
      Math.max(blockMs, Math.ceil(longestBlockMs)),
      // Strikes must outlive the block they count, or the next block could never be longer.
      Math.max(1, Math.ceil(memoryMs), blockMs),
    );
    // Seconds, like the built-in storage: the guard puts timeToBlockExpire into Retry-After as it is.
    return {
      totalHits,
      timeToExpire: Math.ceil(windowLeftMs / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: blocked === 1 ? Math.max(1, Math.ceil(blockLeftMs / 1000)) : 0,
      blockStarted: blockStarted === 1,
      strikes,
    };
  }
}
