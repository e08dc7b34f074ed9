import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { AllowedClients } from '@storefront/platform/mtls';
import { ChargesService } from './charges.service';
import type { ChargeDto } from './dto/charge.dto';
import { CreateChargeDto } from './dto/create-charge.dto';

/** The order service may charge a token; it never sees the card. */
@Controller('internal/charges')
@AllowedClients('order')
export class ChargesController {
  constructor(private readonly charges: ChargesService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  charge(@Body() request: CreateChargeDto): Promise<ChargeDto> {
    return this.charges.charge(request);
  }
}
