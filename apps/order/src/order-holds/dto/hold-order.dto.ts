import { IsString, Length, Matches } from 'class-validator';

/** Why the monitor holds an order: shown to support, kept on the order. */
export class HoldOrderDto {
  @IsString()
  @Length(3, 200)
  // No control or format characters: it ends up on a staff page and in logs.
  @Matches(/^[^\p{Cc}\p{Cf}]+$/u, { message: 'reason must be printable text' })
  reason!: string;
}
