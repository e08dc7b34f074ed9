import { createHash } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { EdgeRedis } from '../edge/edge-redis';
import type { ProxyResponse } from './proxy.service';

interface CachedEntry {
  /** The upstream's headers as the browser may see them (already filtered), with the ETag. */
  headers: Record<string, string>;
  body: string;
}

const MAX_CACHED_BODY_BYTES = 512 * 1024;

/**
 * The edge cache for anonymous catalog reads: answers from Redis (shared by
 * every gateway replica), so a flood of catalog GETs costs the catalog
 * service one request per page per version. ETags let browsers revalidate
 * with If-None-Match for a 304 and no body. Only what the catalog marks
 * `public` is kept, for its s-maxage (else max-age), at most
 * EDGE_CACHE_TTL_SECONDS.
 *
 * Invalidation: every key carries the catalog version; the gateway bumps it
 * whenever it forwards a checkout (which changes stock, placed or released)
 * or a successful catalog change (a catalog manager's POST or PATCH on
 * /products). The expiry bounds staleness from changes made elsewhere.
 */
@Injectable()
export class CatalogCache {
  private readonly logger = new Logger(CatalogCache.name);
  private readonly prefix: string;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly redis: EdgeRedis,
  ) {
    this.prefix = `${config.SECURITY_EVENTS_PREFIX}:edge:catalog`;
  }

  /** Only anonymous reads: a response to a signed-in caller could be personal. */
  applies(method: string, upstream: string, headers: { authorization?: string }): boolean {
    return this.config.EDGE_CACHE_TTL_SECONDS > 0 && method === 'GET' && upstream === 'catalog' && !headers.authorization;
  }

  /** The cache key of this path and query in the current catalog version, read once per request; undefined with Redis away. */
  async keyFor(pathAndQuery: string): Promise<string | undefined> {
    try {
      const version = (await this.redis.client.get(`${this.prefix}:version`)) ?? '0';
      return `${this.prefix}:v${version}:${createHash('sha256').update(pathAndQuery).digest('base64url')}`;
    } catch (error) {
      this.unavailable(error);
      return undefined;
    }
  }

  /** The cached answer under this key (304 when the browser already holds it), or undefined on a miss or with Redis away. */
  async lookup(key: string, ifNoneMatch: string | undefined): Promise<ProxyResponse | undefined> {
    try {
      const raw = await this.redis.client.get(key);
      if (!raw) return undefined;
      const entry = JSON.parse(raw) as CachedEntry;
      return answer(entry, 'HIT', ifNoneMatch);
    } catch (error) {
      this.unavailable(error);
      return undefined;
    }
  }

  /** Keeps a cacheable 200 from the catalog and returns it with its ETag (or 304 when the browser already holds it). */
  async store(key: string, response: ProxyResponse, ifNoneMatch: string | undefined): Promise<ProxyResponse> {
    const ttl = this.ttlFor(response);
    if (ttl === 0) return response;
    const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, String(value)]));
    headers.etag ??= `"${createHash('sha256').update(response.body).digest('base64url').slice(0, 27)}"`;
    const entry: CachedEntry = { headers, body: response.body.toString('utf8') };
    try {
      await this.redis.client.set(key, JSON.stringify(entry), 'EX', ttl);
    } catch (error) {
      this.unavailable(error);
    }
    return answer(entry, 'MISS', ifNoneMatch);
  }

  /** The catalog changed (a checkout reserved or released stock, or a product was edited): every cached page now belongs to an old version. */
  async invalidate(): Promise<void> {
    try {
      await this.redis.client.incr(`${this.prefix}:version`);
    } catch (error) {
      this.unavailable(error);
    }
  }

  /** Seconds to keep this response at the edge; 0 when it must not be kept. */
  private ttlFor(response: ProxyResponse): number {
    if (response.status !== 200 || response.body.length > MAX_CACHED_BODY_BYTES) return 0;
    const directives = String(response.headers['cache-control'] ?? '').toLowerCase();
    if (!/\bpublic\b/.test(directives) || /\b(no-store|private|no-cache)\b/.test(directives)) return 0;
    const seconds = Number((/\bs-maxage=(\d+)/.exec(directives) ?? /\bmax-age=(\d+)/.exec(directives))?.[1] ?? 0);
    return Math.min(seconds, this.config.EDGE_CACHE_TTL_SECONDS);
  }

  private unavailable(error: unknown): void {
    this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'edge cache unavailable; forwarding to the catalog');
  }
}

function answer(entry: CachedEntry, state: 'HIT' | 'MISS', ifNoneMatch: string | undefined): ProxyResponse {
  const headers: OutgoingHttpHeaders = { ...entry.headers, 'x-edge-cache': state };
  const fresh = ifNoneMatch?.split(',').some((tag) => tag.trim() === entry.headers.etag) ?? false;
  return fresh ? { status: 304, headers, body: Buffer.alloc(0) } : { status: 200, headers, body: Buffer.from(entry.body, 'utf8') };
}
