import { Module } from '@nestjs/common';
import { CartModule } from '../cart/cart.module';
import { CheckoutController } from './checkout.controller';
import { CheckoutRepository } from './checkout.repository';
import { CheckoutService } from './checkout.service';

@Module({ imports: [CartModule], controllers: [CheckoutController], providers: [CheckoutService, CheckoutRepository] })
export class CheckoutModule {}
