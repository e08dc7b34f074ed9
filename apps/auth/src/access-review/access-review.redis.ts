import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { redisTlsOptions } from '@storefront/platform/config';

/**
 * The connection BullMQ uses for the access-review queue and worker, owned
 * here rather than made by BullMQ from a URL, so shutdown can ask whether
 * Redis is reachable at all (see AccessReviewProcessor): BullMQ leaves a
 * connection it was handed open, and it is closed here last.
 *
 * maxRetriesPerRequest null: BullMQ requires it for a worker's blocking
 * commands, which wait for Redis instead of failing.
 */
@Injectable()
export class AccessReviewRedis implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    this.client = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, connectionName: 'auth-access-review', ...redisTlsOptions(config.REDIS_URL) });
    this.client.on('error', () => undefined); // BullMQ reports its own failures
  }

  get isReady(): boolean {
    return this.client.status === 'ready';
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}

/** One instance shared by BullModule's root configuration and the processor that checks it at shutdown. */
@Module({ providers: [AccessReviewRedis], exports: [AccessReviewRedis] })
export class AccessReviewRedisModule {}
