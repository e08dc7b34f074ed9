import { Module } from '@nestjs/common';
import { AdminOrdersController } from './admin-orders.controller';
import { OrdersController } from './orders.controller';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';

@Module({ controllers: [OrdersController, AdminOrdersController], providers: [OrdersService, OrdersRepository] })
export class OrdersModule {}
