import { IsUUID } from 'class-validator';

export class SessionIdParamsDto {
  @IsUUID('all')
  id!: string;
}
