import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { AllowedClients } from '@storefront/platform/mtls';
import type { ProductDto, ProductPageDto } from './dto/product.dto';
import { ProductIdParamsDto } from './dto/product-id-params.dto';
import { SearchProductsDto } from './dto/search-products.dto';
import { ProductsService } from './products.service';

// Public data: browsers may reuse it for seconds, shared caches (the gateway's edge cache, which invalidates on checkout) for a minute.
const CATALOG_CACHE_CONTROL = 'public, max-age=5, s-maxage=60';

/** Public catalog reads: no user token needed, but only the gateway and the order service may call. */
@Controller('products')
@AllowedClients('gateway', 'order')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @Header('Cache-Control', CATALOG_CACHE_CONTROL)
  search(@Query() query: SearchProductsDto): Promise<ProductPageDto> {
    return this.products.search(query);
  }

  @Get(':id')
  @Header('Cache-Control', CATALOG_CACHE_CONTROL)
  get(@Param() params: ProductIdParamsDto): Promise<ProductDto> {
    return this.products.get(params.id);
  }

  @Get(':id/image.svg')
  @Header('Content-Type', 'image/svg+xml; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  // SVG can carry script: even if opened directly, this document may run nothing and load nothing.
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  @Header('X-Content-Type-Options', 'nosniff')
  image(@Param() params: ProductIdParamsDto): Promise<string> {
    return this.products.image(params.id);
  }
}
