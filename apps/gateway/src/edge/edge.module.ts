import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { EdgeThrottlerGuard } from './edge-throttler.guard';

/**
 * Edge basics: a generous per-IP limit with the throttler's in-memory store
 * (one gateway instance for now; a shared Redis store comes with the WAF).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) => ({ throttlers: [{ name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }] }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: EdgeThrottlerGuard }],
})
export class EdgeModule {}
