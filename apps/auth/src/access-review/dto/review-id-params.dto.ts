import { IsUUID } from 'class-validator';

export class ReviewIdParamsDto {
  @IsUUID('all')
  id!: string;
}
