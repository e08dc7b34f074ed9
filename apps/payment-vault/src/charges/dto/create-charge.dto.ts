import { IsIn, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';

export const SUPPORTED_CURRENCIES = ['USD'] as const;
export const MAX_CHARGE_CENTS = 10_000_000;

/** A charge request from the order service. The vault trusts no caller: every field is bounded. */
export class CreateChargeDto {
  @Matches(/^tok_[A-Za-z0-9]{24}$/, { message: 'cardToken must be a card token' })
  cardToken!: string;

  @IsUUID()
  userId!: string;

  /** Also the idempotency key: one charge per order, ever. */
  @IsUUID()
  orderId!: string;

  @IsInt()
  @Min(1)
  @Max(MAX_CHARGE_CENTS)
  amountCents!: number;

  @IsIn(SUPPORTED_CURRENCIES)
  currency!: (typeof SUPPORTED_CURRENCIES)[number];
}
