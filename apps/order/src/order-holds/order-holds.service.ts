import { Injectable, Logger } from '@nestjs/common';
import { SecurityEventPublisher } from '@storefront/platform/events';
import { Clock } from '../common/clock';
import { PrismaService } from '../database/prisma.service';
import { OrdersError, ordersError } from '../orders/orders.errors';

export interface HoldOutcome {
  id: string;
  status: 'held_for_review' | 'paid';
  /** False when the order was already in that state: holding twice (a redelivered alert) changes nothing. */
  changed: boolean;
}

/**
 * Holds a paid order for a security review (the monitor's response to an
 * unusual purchase) and releases it (support, after a look). Each is a
 * single conditional UPDATE, so a hold and a release racing each other
 * leave the order in exactly one state.
 */
@Injectable()
export class OrderHoldsService {
  private readonly logger = new Logger(OrderHoldsService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
    private readonly events: SecurityEventPublisher,
  ) {}

  async hold(orderId: string, reason: string): Promise<HoldOutcome> {
    const { count } = await this.prisma.order.updateMany({
      where: { id: orderId, status: 'paid' },
      data: { status: 'held_for_review', heldAt: this.clock.now(), holdReason: reason },
    });
    if (count === 0) return this.unchanged(orderId, 'held_for_review');
    const order = await this.prisma.order.findUniqueOrThrow({ where: { id: orderId }, select: { userId: true, totalCents: true } });
    void this.events.publish({
      type: 'order.held_for_review',
      outcome: 'success',
      actor: { userId: order.userId },
      details: { orderId, totalCents: order.totalCents, reason },
    });
    this.logger.warn({ orderId }, 'order held for review');
    return { id: orderId, status: 'held_for_review', changed: true };
  }

  async release(orderId: string, staffId: string): Promise<HoldOutcome> {
    const { count } = await this.prisma.order.updateMany({
      where: { id: orderId, status: 'held_for_review' },
      data: { status: 'paid', heldAt: null, holdReason: null },
    });
    if (count === 0) {
      const exists = await this.prisma.order.count({ where: { id: orderId } });
      if (!exists) throw ordersError(OrdersError.OrderNotFound, 'There is no order with this id.');
      throw ordersError(OrdersError.OrderNotHeld, 'This order is not held for review.');
    }
    this.logger.log({ orderId, staffId }, 'order released after review');
    return { id: orderId, status: 'paid', changed: true };
  }

  private async unchanged(orderId: string, status: HoldOutcome['status']): Promise<HoldOutcome> {
    const order = await this.prisma.order.findUnique({ where: { id: orderId }, select: { status: true } });
    if (!order) throw ordersError(OrdersError.OrderNotFound, 'There is no order with this id.');
    return { id: orderId, status: order.status === 'held_for_review' ? 'held_for_review' : status, changed: false };
  }
}
