import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import type { AdminOrderDto } from './dto/order.dto';
import { OrderIdParamsDto } from './dto/order-id-params.dto';
import { OrdersService } from './orders.service';

/** Staff view of all orders: support and admin only (security staff see alerts, not orders). */
@Controller('admin/orders')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('orders:read:any')
export class AdminOrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser): Promise<{ items: AdminOrderDto[] }> {
    return this.orders.listAll(user.id);
  }

  /** Support's lookup of one order by the number the customer reads out: any order, however old. */
  @Get(':id')
  get(@Param() params: OrderIdParamsDto, @CurrentUser() user: AuthenticatedUser): Promise<AdminOrderDto> {
    return this.orders.getAny(params.id, user.id);
  }
}
