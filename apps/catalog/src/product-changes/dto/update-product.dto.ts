import { IsInt, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PRODUCT_LIMITS } from './product-limits';

/** Validates a field only when it was sent; an explicit null is validated (and refused), never written. */
const sent = (_object: object, value: unknown) => value !== undefined;

/** PATCH /products/:id: any of these, at least one (an empty change is refused with PRODUCT_CHANGE_EMPTY). */
export class UpdateProductDto {
  @ValidateIf(sent)
  @IsString()
  @Length(1, PRODUCT_LIMITS.nameLength)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ValidateIf(sent)
  @IsString()
  @MaxLength(PRODUCT_LIMITS.descriptionLength)
  description?: string;

  @ValidateIf(sent)
  @IsInt()
  @Min(1)
  @Max(PRODUCT_LIMITS.maxPriceCents)
  priceCents?: number;

  @ValidateIf(sent)
  @IsInt()
  @Min(0)
  @Max(PRODUCT_LIMITS.maxStock)
  stock?: number;
}

export type ProductChange = Pick<UpdateProductDto, 'name' | 'description' | 'priceCents' | 'stock'>;
