import { IsUUID } from 'class-validator';

export class OrderIdParamsDto {
  @IsUUID('all')
  id!: string;
}
