import { Body, Controller, Header, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { AllowedClients } from '@storefront/platform/mtls';
import { OrderIdParamsDto } from '../orders/dto/order-id-params.dto';
import { HoldOrderDto } from './dto/hold-order.dto';
import { type HoldOutcome, OrderHoldsService } from './order-holds.service';

/** The monitor's automated response to an unusual purchase: POST /internal/orders/:id/hold over mTLS, monitor only. */
@Controller('internal/orders')
@AllowedClients('monitor')
export class InternalOrderHoldsController {
  constructor(private readonly holds: OrderHoldsService) {}

  @Post(':id/hold')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  hold(@Param() params: OrderIdParamsDto, @Body() body: HoldOrderDto): Promise<HoldOutcome> {
    return this.holds.hold(params.id, body.reason);
  }
}
