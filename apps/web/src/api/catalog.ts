import { apiRequest, segment } from './http';

export interface Product {
  id: string;
  name: string;
  description: string;
  category: string;
  priceCents: number;
  currency: string;
  stock: number;
  imageUrl: string;
}

export interface ProductPage {
  items: Product[];
  page: number;
  pageSize: number;
  total: number;
}

export interface ProductQuery {
  q: string;
  page: number;
  pageSize: number;
}

export function listProducts(query: ProductQuery, signal?: AbortSignal): Promise<ProductPage> {
  const params = new URLSearchParams({ q: query.q, page: String(query.page), pageSize: String(query.pageSize) });
  return apiRequest(`/api/products?${params.toString()}`, { signal, refreshOnUnauthorized: false });
}

export function getProduct(id: string, signal?: AbortSignal): Promise<Product> {
  return apiRequest(`/api/products/${segment(id)}`, { signal, refreshOnUnauthorized: false });
}
