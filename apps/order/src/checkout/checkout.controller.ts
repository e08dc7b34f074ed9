import { isIP } from 'node:net';
import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import type { OrderDto } from '../orders/dto/order.dto';
import { CheckoutService } from './checkout.service';
import { CreateOrderDto } from './dto/create-order.dto';
import { parseIdempotencyKey } from './idempotency-key';

@Controller('orders')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('payments:pay:own')
export class CheckoutController {
  constructor(private readonly checkout: CheckoutService) {}

  /** Checks out the caller's cart. A replay of a completed key answers 201 with the same order and `Idempotent-Replayed: true`. */
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async placeOrder(
    @CurrentUser() user: AuthenticatedUser,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreateOrderDto,
    @Res({ passthrough: true }) res: Response,
    @Headers('x-forwarded-for') forwardedFor?: string,
  ): Promise<OrderDto> {
    // Only the gateway reaches this route (mTLS), and it overwrites X-Forwarded-For with the client's address.
    const sourceIp = forwardedFor && isIP(forwardedFor) ? forwardedFor : undefined;
    const result = await this.checkout.placeOrder(user, parseIdempotencyKey(idempotencyKey), body, sourceIp);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result.order;
  }
}
