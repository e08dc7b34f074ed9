import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class EventTraceQueryDto {
  /**
   * The start of the correlation ids to trace (the attack lab's `lab-<run id><secret>`): the gateway's
   * accepted id alphabet, 8–64 characters, but without `_`, which SQL LIKE would read as a wildcard.
   */
  @Matches(/^[A-Za-z0-9.-]{8,64}$/, { message: 'correlationPrefix must be 8–64 letters, digits, dots or dashes' })
  correlationPrefix!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 200;
}
