import { Body, Controller, HttpCode, type INestApplication, Module, Param, Post } from '@nestjs/common';
import { AllowedClients, bootstrapMtlsService, loadTlsIdentity } from '@storefront/platform/mtls';

/**
 * Test support: answers the order service's `POST /internal/orders/:id/hold`
 * (monitor only) over mutual TLS and remembers each hold, so a rule's
 * hold-for-review response can be seen arriving. The real route has its own
 * tests in apps/order.
 */
export interface StandInOrder {
  app: INestApplication;
  baseUrl: string;
  holds: Array<{ orderId: string; reason: string }>;
}

export async function startStandInOrder(tlsDir: string, port: number): Promise<StandInOrder> {
  const holds: StandInOrder['holds'] = [];

  @Controller('internal/orders')
  @AllowedClients('monitor')
  class InternalOrderHoldsController {
    @Post(':id/hold')
    @HttpCode(200)
    hold(@Param('id') orderId: string, @Body() body: { reason: string }) {
      holds.push({ orderId, reason: body.reason });
      return { id: orderId, status: 'held_for_review', changed: true };
    }
  }

  @Module({ controllers: [InternalOrderHoldsController] })
  class StandInOrderModule {}

  const app = await bootstrapMtlsService({ service: 'order', module: StandInOrderModule, host: '127.0.0.1', port, logLevel: 'silent', identity: loadTlsIdentity(tlsDir, 'order') });
  return { app, baseUrl: `https://127.0.0.1:${port}`, holds };
}
