import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';

export const MAX_RESERVATION_LINES = 50;
export const MAX_RESERVATION_QUANTITY = 100;

export class ReservationLineDto {
  @IsUUID('all')
  productId!: string;

  @IsInt()
  @Min(1)
  @Max(MAX_RESERVATION_QUANTITY)
  quantity!: number;
}

/** POST /internal/reservations (order service only). The order id is the idempotency key. */
export class CreateReservationDto {
  @IsUUID('all')
  orderId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RESERVATION_LINES)
  // One line per product: a duplicate would make "all or nothing" ambiguous.
  @ArrayUnique((line: ReservationLineDto) => line?.productId)
  @ValidateNested({ each: true })
  @Type(() => ReservationLineDto)
  items!: ReservationLineDto[];
}
