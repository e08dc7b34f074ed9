import { readFile, stat } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type Blocklist, createBlocklist, DEFAULT_BAD_USER_AGENTS } from '@storefront/edge/waf';
import { GATEWAY_CONFIG, type GatewayConfig } from '../../config/gateway.config';
import { isAddressOrRange } from '../client-ip';
import { EdgeRedis } from '../edge-redis';

// Every replica picks up a block (from staff or the monitor) within this time.
const REFRESH_INTERVAL_MS = 2_000;

export interface BlockEntry {
  /** An IP address or CIDR range. */
  entry: string;
  until: Date;
}

interface StaticEntries {
  ips?: string[];
  userAgents?: string[];
}

/**
 * Known bad actors, reloaded while the gateway runs: the static list in
 * EDGE_BLOCKLIST_FILE (re-read when the file changes) plus timed blocks in
 * the Redis sorted set `<prefix>:edge:blocklist` (member = IP or CIDR, score =
 * expiry in epoch ms), which security staff (EdgeBlocksController) and the
 * monitor's automatic responses write. Matching happens in memory on every
 * request; the refresh is one ZRANGEBYSCORE every two seconds.
 */
@Injectable()
export class EdgeBlocklist implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EdgeBlocklist.name);
  private readonly key: string;
  private current: Blocklist = createBlocklist({ ips: [], userAgents: DEFAULT_BAD_USER_AGENTS });
  private staticEntries: Required<StaticEntries> = { ips: [], userAgents: [] };
  private staticFileChangedAt = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly redis: EdgeRedis,
  ) {
    this.key = `${config.SECURITY_EVENTS_PREFIX}:edge:blocklist`;
  }

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The entry that blocks this client, if any. */
  match(ip: string, userAgent: string | undefined): { kind: 'ip' | 'user-agent'; entry: string } | undefined {
    const ipEntry = this.current.matchIp(ip);
    if (ipEntry) return { kind: 'ip', entry: ipEntry };
    const uaEntry = this.current.matchUserAgent(userAgent);
    return uaEntry ? { kind: 'user-agent', entry: uaEntry } : undefined;
  }

  async block(entry: string, seconds: number): Promise<BlockEntry> {
    const until = Date.now() + seconds * 1000;
    // GT: a shorter block never shortens a longer one already in place.
    await this.redis.client.zadd(this.key, 'GT', until, entry);
    await this.refresh();
    return { entry, until: new Date(until) };
  }

  async unblock(entry: string): Promise<boolean> {
    const removed = await this.redis.client.zrem(this.key, entry);
    await this.refresh();
    return removed > 0;
  }

  async list(): Promise<BlockEntry[]> {
    const flat = await this.redis.client.zrangebyscore(this.key, Date.now(), '+inf', 'WITHSCORES');
    const blocks: BlockEntry[] = [];
    for (let i = 0; i < flat.length; i += 2) blocks.push({ entry: flat[i], until: new Date(Number(flat[i + 1])) });
    return blocks;
  }

  /** Rebuilds the matcher; on any failure the previous one stays (a Redis blip must not unblock everyone). */
  async refresh(): Promise<void> {
    try {
      await this.reloadStaticFile();
      const now = Date.now();
      await this.redis.client.zremrangebyscore(this.key, '-inf', now);
      const timed = (await this.redis.client.zrangebyscore(this.key, now, '+inf')).filter(isAddressOrRange);
      this.current = createBlocklist({
        ips: [...this.staticEntries.ips, ...timed],
        userAgents: [...DEFAULT_BAD_USER_AGENTS, ...this.staticEntries.userAgents],
      });
    } catch (error) {
      this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'edge blocklist not refreshed; keeping the previous one');
    }
  }

  private async reloadStaticFile(): Promise<void> {
    const file = this.config.EDGE_BLOCKLIST_FILE;
    if (!file) return;
    const changedAt = (await stat(file)).mtimeMs;
    if (changedAt === this.staticFileChangedAt) return;
    const parsed = JSON.parse(await readFile(file, 'utf8')) as StaticEntries;
    const ips = (parsed.ips ?? []).filter((entry) => typeof entry === 'string');
    const bad = ips.filter((entry) => !isAddressOrRange(entry));
    if (bad.length > 0) throw new Error(`EDGE_BLOCKLIST_FILE has entries that are not IPs or CIDR ranges: ${bad.slice(0, 5).join(', ')}`);
    this.staticEntries = { ips, userAgents: (parsed.userAgents ?? []).filter((entry) => typeof entry === 'string') };
    this.staticFileChangedAt = changedAt;
    this.logger.log({ ips: ips.length, userAgents: this.staticEntries.userAgents.length }, 'edge blocklist file loaded');
  }
}
