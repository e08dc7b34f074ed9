import { IsUUID } from 'class-validator';

export class UserIdParamsDto {
  @IsUUID('all')
  id!: string;
}
