import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';

/**
 * A card as the customer typed it. Validation messages never echo values,
 * so a rejected card number cannot leak through an error response.
 * The owner comes from the gateway's signed x-storefront-assertion, never from the body.
 */
export class TokenizeCardDto {
  /** Digits with optional spaces or dashes between groups; length and Luhn are checked by the service. */
  @IsString()
  @Length(12, 23)
  @Matches(/^[0-9][0-9 -]*[0-9]$/, { message: 'number must contain only digits, with optional spaces or dashes between them' })
  number!: string;

  @IsInt()
  @Min(1)
  @Max(12)
  expMonth!: number;

  @IsInt()
  @Min(1000, { message: 'expYear must be a 4-digit year' })
  @Max(9999, { message: 'expYear must be a 4-digit year' })
  expYear!: number;

  /** Checked for shape only and then dropped: a CVC is never stored (PCI DSS 3.3.2). */
  @IsString()
  @Matches(/^[0-9]{3,4}$/, { message: 'cvc must be 3 or 4 digits' })
  cvc!: string;

  @IsString()
  @Length(1, 100)
  @Matches(/^[^\p{Cc}]*\S[^\p{Cc}]*$/u, { message: 'holder must contain visible characters and no control characters' })
  holder!: string;
}
