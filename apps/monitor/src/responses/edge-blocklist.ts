import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { BlockList, isIPv6 } from 'node:net';
import { Redis } from 'ioredis';
import { MONITOR_CONFIG, type MonitorConfig } from '../config/monitor.config';
import { redisTlsOptions } from '@storefront/platform/config';

/**
 * The edge blocklist the gateway reads: a Redis sorted set
 * `<prefix>:edge:blocklist` (prefix `storefront` by default) whose members
 * are IP addresses and whose scores are the block's expiry in epoch
 * milliseconds. A source is blocked while ZSCORE(key, ip) > now. Sorted set
 * rather than one key per IP so staff can list every block with one
 * ZRANGE, and so expired entries are swept with one ZREMRANGEBYSCORE.
 */
export const edgeBlocklistKey = (prefix: string) => `${prefix}:edge:blocklist`;

/**
 * Addresses never blocked: loopback, private and link-local ranges. When the
 * gateway sees one of these as the client, it is a proxy, a NAT or a test
 * harness in front of many people, and blocking it would block them all.
 */
const NEVER_BLOCK = new BlockList();
NEVER_BLOCK.addSubnet('127.0.0.0', 8);
NEVER_BLOCK.addSubnet('10.0.0.0', 8);
NEVER_BLOCK.addSubnet('172.16.0.0', 12);
NEVER_BLOCK.addSubnet('192.168.0.0', 16);
NEVER_BLOCK.addSubnet('169.254.0.0', 16);
NEVER_BLOCK.addAddress('::1', 'ipv6');
NEVER_BLOCK.addSubnet('fc00::', 7, 'ipv6');
NEVER_BLOCK.addSubnet('fe80::', 10, 'ipv6');

export function isBlockable(ip: string): boolean {
  return !NEVER_BLOCK.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
}

@Injectable()
export class EdgeBlocklist implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly key: string;

  constructor(@Inject(MONITOR_CONFIG) config: MonitorConfig) {
    this.redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: true, ...redisTlsOptions(config.REDIS_URL) });
    this.key = edgeBlocklistKey(config.SECURITY_EVENTS_PREFIX);
  }

  /** Blocks `ip` until now + duration; a longer existing block is kept (GT). Returns the expiry. */
  async block(ip: string, durationSeconds: number, now: Date = new Date()): Promise<Date> {
    const until = now.getTime() + durationSeconds * 1000;
    await this.redis.multi().zremrangebyscore(this.key, '-inf', now.getTime()).zadd(this.key, 'GT', until, ip).exec();
    return new Date(until);
  }

  async blockedUntil(ip: string): Promise<Date | null> {
    const score = await this.redis.zscore(this.key, ip);
    return score === null ? null : new Date(Number(score));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
