import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { DomainError } from '@storefront/platform/http';
import { parseDownstream } from './downstream-response';
import { ServiceClients } from './service-clients';

const productSchema = z.object({
  id: z.uuid(),
  name: z.string().min(1).max(120),
  priceCents: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  stock: z.number().int().min(0),
});

const reservationSchema = z.object({
  orderId: z.uuid(),
  items: z.array(z.object({ productId: z.uuid(), name: z.string().min(1).max(120), unitPriceCents: z.number().int().positive(), quantity: z.number().int().positive() })).min(1),
  totalCents: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

export type CatalogProduct = z.output<typeof productSchema>;
export type Reservation = z.output<typeof reservationSchema>;

export interface ReservationLine {
  productId: string;
  quantity: number;
}

/** The catalog as the order service sees it: prices and names come from here, never from a client. */
@Injectable()
export class CatalogApiService {
  constructor(private readonly clients: ServiceClients) {}

  /** The product, or null when the catalog says it does not exist. */
  async findProduct(productId: string): Promise<CatalogProduct | null> {
    try {
      const body = await this.clients.catalog.json<unknown>({ method: 'GET', path: `/products/${encodeURIComponent(productId)}` });
      return parseDownstream('catalog', productSchema, body);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'PRODUCT_NOT_FOUND') return null;
      throw error;
    }
  }

  /** All or nothing, idempotent per order id (a repeat returns the first reservation). Refusals arrive as DomainErrors. */
  async reserve(orderId: string, items: readonly ReservationLine[]): Promise<Reservation> {
    const body = await this.clients.catalog.json<unknown>({ method: 'POST', path: '/internal/reservations', body: { orderId, items } });
    return parseDownstream('catalog', reservationSchema, body);
  }

  /** Idempotent: releasing twice gives stock back once. */
  async release(orderId: string): Promise<void> {
    await this.clients.catalog.json<unknown>({ method: 'POST', path: `/internal/reservations/${encodeURIComponent(orderId)}/release` });
  }
}
