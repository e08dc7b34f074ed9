import { IsUUID } from 'class-validator';

export class PasskeyIdParamsDto {
  @IsUUID('all')
  id!: string;
}
