import { IsUUID } from 'class-validator';

export class AlertIdParamsDto {
  @IsUUID()
  id!: string;
}
