import { Injectable, Logger } from '@nestjs/common';
import type { CreateReservationDto } from './dto/create-reservation.dto';
import type { ReservationDto } from './dto/reservation.dto';
import { ReservationsError, reservationsError } from './reservations.errors';
import { type ReservedLine, ReservationsRepository } from './reservations.repository';

// Every product in this catalog is priced in one currency; an empty tombstone still needs one to report.
const CATALOG_CURRENCY = 'USD';

function toReservationDto(orderId: string, lines: ReservedLine[]): ReservationDto {
  return {
    orderId,
    items: lines.map(({ productId, name, unitPriceCents, quantity }) => ({ productId, name, unitPriceCents, quantity })),
    totalCents: lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0),
    currency: lines[0]?.currency ?? CATALOG_CURRENCY,
  };
}

@Injectable()
export class ReservationsService {
  private readonly logger = new Logger(ReservationsService.name);

  constructor(private readonly reservations: ReservationsRepository) {}

  /** All or nothing, and at most once per order id: a repeat returns the first reservation unchanged. */
  async reserve(request: CreateReservationDto): Promise<ReservationDto> {
    // Sorted so that concurrent reservations lock product rows in one global order (no deadlocks).
    const lines = [...request.items].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
    const outcome = await this.reservations.reserve(request.orderId, lines);
    switch (outcome.kind) {
      case 'reserved':
        this.logger.log({ orderId: request.orderId, lines: outcome.lines.length }, 'stock reserved');
        return toReservationDto(request.orderId, outcome.lines);
      case 'existing':
        if (outcome.status === 'released') {
          throw reservationsError(ReservationsError.ReservationReleased, 'This order already gave its reservation back; reserve under a new order id.', {
            orderId: request.orderId,
          });
        }
        return toReservationDto(request.orderId, outcome.lines);
      case 'not_found':
        throw reservationsError(ReservationsError.ProductNotFound, 'A product in this reservation does not exist.', { productId: outcome.productId });
      case 'archived':
        this.logger.log({ orderId: request.orderId, productId: outcome.productId }, 'reservation refused: product archived');
        throw reservationsError(ReservationsError.ProductArchived, 'A product in this order is no longer for sale.', { productId: outcome.productId });
      case 'out_of_stock':
        this.logger.log({ orderId: request.orderId, productId: outcome.productId }, 'reservation refused: out of stock');
        throw reservationsError(ReservationsError.OutOfStock, 'Not enough stock for a product in this order.', { productId: outcome.productId });
      case 'currency_mismatch':
        throw reservationsError(ReservationsError.CurrencyMismatch, 'Products priced in different currencies cannot be reserved together.');
    }
  }

  async release(orderId: string): Promise<{ released: true }> {
    const outcome = await this.reservations.release(orderId);
    this.logger.log({ orderId, outcome }, 'reservation release');
    return { released: true };
  }
}
