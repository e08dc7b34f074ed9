import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { RedisThrottlerStorage } from '@storefront/edge/rate-limit';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { EdgeAccessModule } from '../core/edge-access.module';
import { EdgeThrottlerGuard } from './edge-throttler.guard';
import { EdgeRedis } from './edge-redis';
import { rateLimitTiers } from './rate-limit-tiers';

/**
 * Rate limits at the edge, tier by tier, with counters in Redis: shared by
 * every gateway replica and kept across restarts.
 */
@Module({
  imports: [
    EdgeAccessModule,
    ThrottlerModule.forRootAsync({
      inject: [GATEWAY_CONFIG, EdgeRedis],
      useFactory: (config: GatewayConfig, redis: EdgeRedis) => ({
        storage: new RedisThrottlerStorage(redis.client, {
          prefix: config.RATE_LIMIT_PREFIX,
          escalation: { longestBlockMs: config.RATE_LIMIT_LONGEST_BLOCK_SECONDS * 1000, memoryMs: config.RATE_LIMIT_STRIKE_MEMORY_SECONDS * 1000 },
        }),
        throttlers: rateLimitTiers(config),
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: EdgeThrottlerGuard }],
})
export class EdgeModule {}
