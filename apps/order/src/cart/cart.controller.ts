import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { CartService } from './cart.service';
import type { CartDto } from './dto/cart.dto';
import { ProductIdParamsDto } from './dto/product-id-params.dto';
import { SetCartItemDto } from './dto/set-cart-item.dto';

/** The caller's own cart; the owner is always the verified token's subject, never a parameter. */
@Controller('cart')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('cart:write:own')
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get()
  view(@CurrentUser() user: AuthenticatedUser): Promise<CartDto> {
    return this.cart.view(user.id);
  }

  @Post('items')
  @HttpCode(HttpStatus.OK)
  setItem(@CurrentUser() user: AuthenticatedUser, @Body() body: SetCartItemDto): Promise<CartDto> {
    return this.cart.setItem(user.id, body.productId, body.quantity);
  }

  @Delete('items/:productId')
  removeItem(@CurrentUser() user: AuthenticatedUser, @Param() params: ProductIdParamsDto): Promise<CartDto> {
    return this.cart.removeItem(user.id, params.productId);
  }
}
