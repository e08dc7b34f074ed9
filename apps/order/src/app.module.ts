import { Module, type Type } from '@nestjs/common';
import { AccessModule, GrantUsageModule, RemoteJwksSource } from '@storefront/identity/access';
import { SecurityEventsModule } from '@storefront/platform/events';
import { HealthController } from '@storefront/platform/mtls';
import { CartModule } from './cart/cart.module';
import { CheckoutModule } from './checkout/checkout.module';
import { CommonModule } from './common/common.module';
import type { OrderConfig } from './config/order.config';
import { OrderConfigModule } from './config/order-config.module';
import { DatabaseModule } from './database/database.module';
import { DownstreamModule } from './downstream/downstream.module';
import { ServiceClients } from './downstream/service-clients';
import { OrderHoldsModule } from './order-holds/order-holds.module';
import { OrdersModule } from './orders/orders.module';

// Access tokens are verified against auth's published keys, fetched over mutual TLS. (A variable rather
// than an inline literal: register()'s parameter type is an Omit over a union, which rejects literal keys.)
const jwksSourceProvider = { useFactory: (clients: ServiceClients) => new RemoteJwksSource(clients.auth), inject: [ServiceClients] };

/** The order service's root module, built around a configuration validated before Nest starts. */
export function createAppModule(config: OrderConfig): Type<unknown> {
  @Module({
    imports: [
      OrderConfigModule.register(config),
      CommonModule,
      DatabaseModule,
      DownstreamModule,
      config.REDIS_URL
        ? SecurityEventsModule.forRedis({ redisUrl: config.REDIS_URL, prefix: config.SECURITY_EVENTS_PREFIX, service: 'order' })
        : SecurityEventsModule.disabled('order'),
      // Staff use of /admin/orders, for the access review (without Redis, usage goes unrecorded: the guard's listener is optional).
      ...(config.REDIS_URL ? [GrantUsageModule.forRedis({ redisUrl: config.REDIS_URL, prefix: config.SECURITY_EVENTS_PREFIX, service: 'order' })] : []),
      // Every route checks the caller's access token itself: a service trusts no one, not even the gateway.
      AccessModule.register(jwksSourceProvider),
      CartModule,
      CheckoutModule,
      OrdersModule,
      OrderHoldsModule,
    ],
    controllers: [HealthController],
  })
  class OrderAppModule {}
  return OrderAppModule;
}
