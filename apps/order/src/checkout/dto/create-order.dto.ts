import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, Matches, ValidateNested } from 'class-validator';
import { ShippingAddressDto } from './shipping-address.dto';

/**
 * POST /orders. Only what the customer decides: which card token and where
 * to ship. Items, prices, totals, owner and status are the server's.
 */
export class CreateOrderDto {
  @IsString()
  @Matches(/^[A-Za-z0-9_:.-]{8,128}$/, { message: 'cardToken must be a card token from POST /api/payments/cards' })
  cardToken!: string;

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ShippingAddressDto)
  shippingAddress!: ShippingAddressDto;
}
