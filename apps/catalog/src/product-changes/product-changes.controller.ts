import { Body, Controller, Header, HttpCode, HttpStatus, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { type AuthenticatedUser, CurrentUser, PermissionGuard, RequirePermission, SignedInGuard } from '@storefront/identity/access';
import { AllowedClients } from '@storefront/platform/mtls';
import type { ProductDto } from '../products/dto/product.dto';
import { ProductIdParamsDto } from '../products/dto/product-id-params.dto';
import { CreateProductDto } from './dto/create-product.dto';
import { UpdateProductDto } from './dto/update-product.dto';
import { ProductChangesService } from './product-changes.service';

/** Catalog management (catalog-manager and admin): only through the gateway, with a staff token and a fresh second factor. */
@Controller('products')
@AllowedClients('gateway')
@UseGuards(SignedInGuard, PermissionGuard)
@RequirePermission('catalog:write')
export class ProductChangesController {
  constructor(private readonly changes: ProductChangesService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Header('Cache-Control', 'no-store')
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateProductDto): Promise<ProductDto> {
    return this.changes.create(user, body);
  }

  @Patch(':id')
  @Header('Cache-Control', 'no-store')
  update(@CurrentUser() user: AuthenticatedUser, @Param() params: ProductIdParamsDto, @Body() body: UpdateProductDto): Promise<ProductDto> {
    return this.changes.update(user, params.id, body);
  }
}
