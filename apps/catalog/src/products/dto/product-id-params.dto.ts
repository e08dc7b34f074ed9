import { IsUUID } from 'class-validator';

/** Route parameter `:id`; anything but a UUID is a 400 before the database is asked. */
export class ProductIdParamsDto {
  @IsUUID('all')
  id!: string;
}
