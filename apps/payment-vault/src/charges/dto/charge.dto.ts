/** An approved charge. A declined one is a 402 CARD_DECLINED error instead. */
export interface ChargeDto {
  chargeId: string;
  status: 'approved';
  brand: string;
  last4: string;
}
