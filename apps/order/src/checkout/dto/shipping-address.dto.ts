import { IsISO31661Alpha2, IsOptional, IsString, Length, Matches } from 'class-validator';

// Printable text only: no control characters (they break labels, logs and CSV exports).
const PRINTABLE = /^[^\p{Cc}]*$/u;

export class ShippingAddressDto {
  @IsString()
  @Length(1, 100)
  @Matches(PRINTABLE)
  name!: string;

  @IsString()
  @Length(1, 200)
  @Matches(PRINTABLE)
  line1!: string;

  @IsOptional()
  @IsString()
  @Length(0, 200)
  @Matches(PRINTABLE)
  line2?: string;

  @IsString()
  @Length(1, 100)
  @Matches(PRINTABLE)
  city!: string;

  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{0,15}$/, { message: 'postalCode must be 1 to 16 letters, digits, spaces or hyphens' })
  postalCode!: string;

  @IsISO31661Alpha2()
  country!: string;
}
