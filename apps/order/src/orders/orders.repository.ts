import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { AdminOrderDto, OrderDto, OrderStatus } from './dto/order.dto';
import type { ShippingAddress } from './dto/shipping-address';

// Lists are bounded: nobody scrolls past this, and it keeps one request from reading the whole table.
export const ORDER_LIST_LIMIT = 100;

const ORDER_SELECT = {
  id: true,
  userId: true,
  status: true,
  totalCents: true,
  currency: true,
  brand: true,
  last4: true,
  shippingAddress: true,
  createdAt: true,
  items: { orderBy: { productId: 'asc' }, select: { productId: true, name: true, unitPriceCents: true, quantity: true } },
} as const;

type OrderRow = {
  id: string;
  userId: string;
  status: OrderStatus;
  totalCents: number;
  currency: string;
  brand: string;
  last4: string;
  shippingAddress: unknown;
  createdAt: Date;
  items: OrderDto['items'];
};

function toAdminOrder(row: OrderRow): AdminOrderDto {
  return {
    id: row.id,
    userId: row.userId,
    status: row.status,
    total: row.totalCents,
    currency: row.currency,
    brand: row.brand,
    last4: row.last4,
    items: row.items,
    // Written only by checkout from a validated ShippingAddressDto.
    shippingAddress: row.shippingAddress as ShippingAddress,
    createdAt: row.createdAt.toISOString(),
  };
}

function toOrder(row: OrderRow): OrderDto {
  const { userId: _userId, ...order } = toAdminOrder(row);
  return order;
}

@Injectable()
export class OrdersRepository {
  constructor(private readonly prisma: PrismaService) {}

  async listForUser(userId: string): Promise<OrderDto[]> {
    const rows = await this.prisma.order.findMany({ where: { userId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: ORDER_LIST_LIMIT, select: ORDER_SELECT });
    return rows.map(toOrder);
  }

  /** Scoped by owner in the query itself: another user's order id simply finds nothing. */
  async findForUser(id: string, userId: string): Promise<OrderDto | null> {
    const row = await this.prisma.order.findFirst({ where: { id, userId }, select: ORDER_SELECT });
    return row ? toOrder(row) : null;
  }

  /** Any customer's order, for staff (the permission check is the caller's). */
  async findAny(id: string): Promise<AdminOrderDto | null> {
    const row = await this.prisma.order.findUnique({ where: { id }, select: ORDER_SELECT });
    return row ? toAdminOrder(row) : null;
  }

  async listAll(): Promise<AdminOrderDto[]> {
    const rows = await this.prisma.order.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: ORDER_LIST_LIMIT, select: ORDER_SELECT });
    return rows.map(toAdminOrder);
  }
}
