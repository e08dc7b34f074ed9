import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import type { OrderDto } from './dto/order.dto';
import { OrderIdParamsDto } from './dto/order-id-params.dto';
import { OrdersService } from './orders.service';

/** The caller's own orders, newest first. */
@Controller('orders')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('orders:read:own')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser): Promise<{ items: OrderDto[] }> {
    return this.orders.list(user.id);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param() params: OrderIdParamsDto): Promise<OrderDto> {
    return this.orders.get(params.id, user.id);
  }
}
