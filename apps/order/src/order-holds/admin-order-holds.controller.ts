import { Controller, Header, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { OrderIdParamsDto } from '../orders/dto/order-id-params.dto';
import { type HoldOutcome, OrderHoldsService } from './order-holds.service';

/** Support releases a held order after looking at it: POST /api/admin/orders/:id/release. */
@Controller('admin/orders')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
export class AdminOrderHoldsController {
  constructor(private readonly holds: OrderHoldsService) {}

  @Post(':id/release')
  @RequirePermission('orders:review')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  release(@Param() params: OrderIdParamsDto, @CurrentUser() staff: AuthenticatedUser): Promise<HoldOutcome> {
    return this.holds.release(params.id, staff.id);
  }
}
