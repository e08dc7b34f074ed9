import { IsUUID } from 'class-validator';

export class ProductIdParamsDto {
  @IsUUID('all')
  productId!: string;
}
