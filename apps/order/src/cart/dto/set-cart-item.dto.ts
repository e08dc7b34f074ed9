import { IsInt, IsUUID, Max, Min } from 'class-validator';

export const MAX_LINE_QUANTITY = 20;

/** POST /cart/items: sets (not adds to) the quantity of one product. Price and name are never accepted. */
export class SetCartItemDto {
  @IsUUID('all')
  productId!: string;

  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;
}
