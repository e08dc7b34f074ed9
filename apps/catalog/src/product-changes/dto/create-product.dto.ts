import { IsInt, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PRODUCT_LIMITS } from './product-limits';

/** POST /products. The id, currency and timestamps are the server's to decide. */
export class CreateProductDto {
  @IsString()
  @Length(1, PRODUCT_LIMITS.nameLength)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @IsString()
  @MaxLength(PRODUCT_LIMITS.descriptionLength)
  description!: string;

  @IsString()
  @Length(1, PRODUCT_LIMITS.categoryLength)
  @Matches(/\S/, { message: 'category must not be blank' })
  category!: string;

  /** Integer minor units, more than zero. */
  @IsInt()
  @Min(1)
  @Max(PRODUCT_LIMITS.maxPriceCents)
  priceCents!: number;

  @IsInt()
  @Min(0)
  @Max(PRODUCT_LIMITS.maxStock)
  stock!: number;
}
