import { Module } from '@nestjs/common';
import { AdminOrderHoldsController } from './admin-order-holds.controller';
import { InternalOrderHoldsController } from './internal-order-holds.controller';
import { OrderHoldsService } from './order-holds.service';

@Module({ controllers: [InternalOrderHoldsController, AdminOrderHoldsController], providers: [OrderHoldsService] })
export class OrderHoldsModule {}
