import type { ProductRecord } from '../products.repository';

/** A product as clients see it (the public contract of GET /products and GET /products/:id). */
export interface ProductDto {
  id: string;
  name: string;
  description: string;
  category: string;
  priceCents: number;
  currency: string;
  stock: number;
  imageUrl: string;
}

export interface ProductPageDto {
  items: ProductDto[];
  page: number;
  pageSize: number;
  total: number;
}

export function toProductDto(product: ProductRecord): ProductDto {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    category: product.category,
    priceCents: product.priceCents,
    currency: product.currency,
    stock: product.stock,
    // The public path: browsers load images through the gateway, which strips /api.
    imageUrl: `/api/products/${product.id}/image.svg`,
  };
}
