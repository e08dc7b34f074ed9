import { IsIn, IsUUID } from 'class-validator';
import { STAFF_ROLES } from '@storefront/identity/access';

/** DELETE /admin/users/:id/roles/:role */
export class RoleParamsDto {
  @IsUUID('all')
  id!: string;

  @IsIn(STAFF_ROLES, { message: `role must be a staff role: ${STAFF_ROLES.join(', ')}` })
  role!: string;
}
