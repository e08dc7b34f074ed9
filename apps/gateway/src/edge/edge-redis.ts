import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisTlsOptions } from '@storefront/platform/config';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

/**
 * The gateway's one Redis connection for edge state shared by every
 * replica: rate-limit counters, the blocklist and the catalog cache.
 * Closed with the app.
 */
@Injectable()
export class EdgeRedis implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    // A slow or absent Redis must not hold requests: a command gives up after 500 ms and the caller decides (fail open, or closed for sign-in).
    this.client = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 500, connectionName: 'gateway-edge', ...redisTlsOptions(config.REDIS_URL) });
    // Errors surface on each command; without a listener ioredis would also print every reconnect attempt.
    this.client.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

@Global()
@Module({ providers: [EdgeRedis], exports: [EdgeRedis] })
export class EdgeRedisModule {}
