import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { RedisThrottlerStorage } from '@storefront/edge/rate-limit';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { EdgeAccessModule } from '../core/edge-access.module';
import { EdgeThrottlerGuard } from './edge-throttler.guard';
import { RateLimitRedis } from './rate-limit-redis';
import { rateLimitTiers } from './rate-limit-tiers';

@Module({ providers: [RateLimitRedis], exports: [RateLimitRedis] })
class RateLimitRedisModule {}

/**
 * Rate limits at the edge, tier by tier, with counters in Redis: shared by
 * every gateway replica and kept across restarts.
 */
@Module({
  imports: [
    EdgeAccessModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitRedisModule],
      inject: [GATEWAY_CONFIG, RateLimitRedis],
      useFactory: (config: GatewayConfig, redis: RateLimitRedis) => ({
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
