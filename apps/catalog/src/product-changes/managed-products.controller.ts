import { Controller, Get, Header, HttpCode, HttpStatus, Param, Post, Query, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import { ProductIdParamsDto } from '../products/dto/product-id-params.dto';
import { SearchProductsDto } from '../products/dto/search-products.dto';
import type { ManagedProductDto, ManagedProductPageDto } from './dto/managed-product.dto';
import { ProductChangesService } from './product-changes.service';

/**
 * The catalog manager's view of the catalog: every product, archived ones
 * included, and archiving or restoring one. Same lock as the other catalog
 * writes (gateway only, catalog:write, a fresh second factor). Archive and
 * restore are idempotent: a repeat answers 200 with the product as it is.
 */
@Controller('admin/products')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('catalog:write')
export class ManagedProductsController {
  constructor(private readonly changes: ProductChangesService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  list(@Query() query: SearchProductsDto): Promise<ManagedProductPageDto> {
    return this.changes.list(query);
  }

  @Post(':id/archive')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  archive(@CurrentUser() user: AuthenticatedUser, @Param() params: ProductIdParamsDto): Promise<ManagedProductDto> {
    return this.changes.setArchived(user, params.id, true);
  }

  @Post(':id/restore')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  restore(@CurrentUser() user: AuthenticatedUser, @Param() params: ProductIdParamsDto): Promise<ManagedProductDto> {
    return this.changes.setArchived(user, params.id, false);
  }
}
