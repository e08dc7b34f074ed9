import { Injectable, Logger } from '@nestjs/common';
import type { AdminOrderDto, OrderDto } from './dto/order.dto';
import { OrdersError, ordersError } from './orders.errors';
import { OrdersRepository } from './orders.repository';

@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  constructor(private readonly orders: OrdersRepository) {}

  async list(userId: string): Promise<{ items: OrderDto[] }> {
    return { items: await this.orders.listForUser(userId) };
  }

  /** Someone else's order answers exactly like one that does not exist, so ids cannot be probed. */
  async get(id: string, userId: string): Promise<OrderDto> {
    const order = await this.orders.findForUser(id, userId);
    if (!order) throw ordersError(OrdersError.OrderNotFound, 'You have no order with this id.');
    return order;
  }

  async getAny(id: string, staffId: string): Promise<AdminOrderDto> {
    const order = await this.orders.findAny(id);
    if (!order) throw ordersError(OrdersError.OrderNotFound, 'There is no order with this id.');
    this.logger.log({ staffId, orderId: id }, 'staff read an order');
    return order;
  }

  async listAll(staffId: string): Promise<{ items: AdminOrderDto[] }> {
    const items = await this.orders.listAll();
    // Staff reads of customer data are worth a line in the log.
    this.logger.log({ staffId, count: items.length }, 'staff listed orders');
    return { items };
  }
}
