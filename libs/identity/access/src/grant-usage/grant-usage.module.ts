import { type DynamicModule, Module } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisTlsOptions } from '@storefront/platform/config';
import { GRANT_USAGE_LISTENER } from '../permission.guard';
import { RedisGrantUsageListener } from './redis-grant-usage.listener';

export interface GrantUsageRedisOptions {
  redisUrl: string;
  /** The prefix every service shares (SECURITY_EVENTS_PREFIX); tests pass a unique one. */
  prefix: string;
  /** Names the Redis connection (CLIENT LIST) after the service. */
  service: string;
}

/**
 * Gives the PermissionGuard a GRANT_USAGE_LISTENER. Global, because the
 * guard is built inside AccessModule and in each controller's module: import
 * it once in the app module of every service whose routes carry staff permissions.
 */
@Module({})
export class GrantUsageModule {
  static forRedis(options: GrantUsageRedisOptions): DynamicModule {
    return {
      module: GrantUsageModule,
      global: true,
      providers: [
        {
          provide: GRANT_USAGE_LISTENER,
          useFactory: () => {
            // Short timeouts and no offline queue: a write that cannot go out now is dropped, never piled up.
            const redis = new Redis(options.redisUrl, {
              maxRetriesPerRequest: 1,
              commandTimeout: 1_000,
              connectTimeout: 2_000,
              enableOfflineQueue: false,
              connectionName: `${options.service}-grant-usage`,
              ...redisTlsOptions(options.redisUrl),
            });
            redis.on('error', () => undefined); // each write reports its own failure
            return new RedisGrantUsageListener(redis, options.prefix);
          },
        },
      ],
      exports: [GRANT_USAGE_LISTENER],
    };
  }
}
