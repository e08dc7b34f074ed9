import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { AllowedClients } from '@storefront/platform/mtls';
import { CreateReservationDto } from './dto/create-reservation.dto';
import { OrderIdParamsDto } from './dto/order-id-params.dto';
import type { ReservationDto } from './dto/reservation.dto';
import { ReservationsService } from './reservations.service';

/** Stock changes: only the order service may take or give back stock. */
@Controller('internal/reservations')
@AllowedClients('order')
export class ReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  reserve(@Body() body: CreateReservationDto): Promise<ReservationDto> {
    return this.reservations.reserve(body);
  }

  @Post(':orderId/release')
  @HttpCode(HttpStatus.OK)
  release(@Param() params: OrderIdParamsDto): Promise<{ released: true }> {
    return this.reservations.release(params.orderId);
  }
}
