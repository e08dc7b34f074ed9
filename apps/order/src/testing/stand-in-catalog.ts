import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Module, Param, Post, type Type } from '@nestjs/common';
import { DomainError } from '@storefront/platform/http';
import { AllowedClients } from '@storefront/platform/mtls';

interface StandInProduct {
  id: string;
  name: string;
  priceCents: number;
  stock: number;
  /** Withdrawn from sale: read as missing, refused at reservation with 409 PRODUCT_ARCHIVED, as the real catalog does. */
  archived?: boolean;
}

interface StandInReservation {
  status: 'reserved' | 'released';
  items: Array<{ productId: string; name: string; unitPriceCents: number; quantity: number }>;
}

/**
 * Test stand-in for the catalog, speaking its internal contract over mutual
 * TLS: products by id, and reservations that are all-or-nothing and
 * idempotent per order id. Node runs each handler to completion, so the
 * in-memory stock check-and-take is atomic.
 */
export class StandInCatalog {
  readonly products = new Map<string, StandInProduct>();
  readonly reservations = new Map<string, StandInReservation>();
  reserveCalls = 0;
  releaseCalls = 0;

  addProduct(name: string, priceCents: number, stock: number): string {
    const id = randomUUID();
    this.products.set(id, { id, name, priceCents, stock });
    return id;
  }

  archive(id: string): void {
    const product = this.products.get(id);
    if (product) product.archived = true;
  }

  stockOf(id: string): number {
    return this.products.get(id)?.stock ?? Number.NaN;
  }
}

const CATALOG = Symbol('STAND_IN_CATALOG');

const notFound = (productId: string) => new DomainError('PRODUCT_NOT_FOUND', 'No product has this id.', 404, { productId });

@Controller()
@AllowedClients('order')
class StandInCatalogController {
  constructor(@Inject(CATALOG) private readonly catalog: StandInCatalog) {}

  @Get('products/:id')
  product(@Param('id') id: string) {
    const product = this.catalog.products.get(id);
    if (!product || product.archived) throw notFound(id);
    const { archived: _onSale, ...shown } = product;
    return { ...shown, description: 'stand-in', category: 'Testing', currency: 'USD', imageUrl: `/api/products/${id}/image.svg` };
  }

  @Post('internal/reservations')
  @HttpCode(201)
  reserve(@Body() body: { orderId: string; items: Array<{ productId: string; quantity: number }> }) {
    this.catalog.reserveCalls++;
    const existing = this.catalog.reservations.get(body.orderId);
    if (existing?.status === 'released') throw new DomainError('RESERVATION_RELEASED', 'released', 409);
    let items = existing?.items;
    if (!items) {
      const taken = body.items.map((line) => {
        const product = this.catalog.products.get(line.productId);
        if (!product) throw notFound(line.productId);
        if (product.archived) throw new DomainError('PRODUCT_ARCHIVED', 'No longer for sale.', 409, { productId: line.productId });
        if (product.stock < line.quantity) throw new DomainError('OUT_OF_STOCK', 'Not enough stock.', 409, { productId: line.productId });
        return { product, quantity: line.quantity };
      });
      items = taken.map(({ product, quantity }) => {
        product.stock -= quantity;
        return { productId: product.id, name: product.name, unitPriceCents: product.priceCents, quantity };
      });
      this.catalog.reservations.set(body.orderId, { status: 'reserved', items });
    }
    return { orderId: body.orderId, items, totalCents: items.reduce((sum, i) => sum + i.unitPriceCents * i.quantity, 0), currency: 'USD' };
  }

  @Post('internal/reservations/:orderId/release')
  @HttpCode(200)
  release(@Param('orderId') orderId: string) {
    this.catalog.releaseCalls++;
    const reservation = this.catalog.reservations.get(orderId);
    if (reservation?.status === 'reserved') {
      reservation.status = 'released';
      for (const item of reservation.items) {
        const product = this.catalog.products.get(item.productId);
        if (product) product.stock += item.quantity;
      }
    } else if (!reservation) {
      this.catalog.reservations.set(orderId, { status: 'released', items: [] });
    }
    return { released: true };
  }
}

export function standInCatalogModule(catalog: StandInCatalog): Type<unknown> {
  @Module({ controllers: [StandInCatalogController], providers: [{ provide: CATALOG, useValue: catalog }] })
  class StandInCatalogModule {}
  return StandInCatalogModule;
}
