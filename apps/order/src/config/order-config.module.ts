import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ORDER_CONFIG, type OrderConfig } from './order.config';

/** Makes the already validated configuration injectable everywhere in the order service. */
@Global()
@Module({})
export class OrderConfigModule {
  static register(config: OrderConfig): DynamicModule {
    return { module: OrderConfigModule, providers: [{ provide: ORDER_CONFIG, useValue: config }], exports: [ORDER_CONFIG] };
  }
}
