import { IsInt, IsString, Max, MaxLength, Min, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { isAddressOrRange } from '../../client-ip';

@ValidatorConstraint({ name: 'ipOrCidr' })
class IpOrCidr implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isAddressOrRange(value);
  }

  defaultMessage(): string {
    return 'entry must be an IP address or a CIDR range, e.g. 203.0.113.7 or 198.51.100.0/24';
  }
}

/** POST /api/admin/edge/blocks: block a source at the edge for a while. */
export class BlockSourceDto {
  @IsString()
  @MaxLength(64)
  @Validate(IpOrCidr)
  entry!: string;

  /** Up to 30 days; a permanent block belongs in EDGE_BLOCKLIST_FILE, where it is reviewed with the code. */
  @IsInt()
  @Min(1)
  @Max(43_200)
  minutes!: number;
}

/** DELETE /api/admin/edge/blocks?entry=…: CIDR ranges contain a slash, so the entry travels in the query. */
export class UnblockSourceQueryDto {
  @IsString()
  @MaxLength(64)
  @Validate(IpOrCidr)
  entry!: string;
}
