import { Injectable } from '@nestjs/common';
import { type ProductDto, type ProductPageDto, toProductDto } from './dto/product.dto';
import { type SearchProductsDto, toProductSearch } from './dto/search-products.dto';
import { renderProductImage } from './product-image';
import { ProductsError, productsError } from './products.errors';
import { ProductsRepository } from './products.repository';

@Injectable()
export class ProductsService {
  constructor(private readonly products: ProductsRepository) {}

  async search(query: SearchProductsDto): Promise<ProductPageDto> {
    const { rows, total } = await this.products.search(toProductSearch(query));
    return { items: rows.map(toProductDto), page: query.page, pageSize: query.pageSize, total };
  }

  async get(id: string): Promise<ProductDto> {
    const product = await this.products.findById(id);
    if (!product) throw productsError(ProductsError.ProductNotFound, 'No product has this id.', { productId: id });
    return toProductDto(product);
  }

  async image(id: string): Promise<string> {
    const product = await this.products.findById(id);
    if (!product) throw productsError(ProductsError.ProductNotFound, 'No product has this id.', { productId: id });
    return renderProductImage(product);
  }
}
