import { IsIn } from 'class-validator';
import { STAFF_ROLES } from '@storefront/identity/access';

/** POST /admin/users/:id/roles: the staff role to give (customer is everyone's and is never granted here). */
export class GrantRoleDto {
  @IsIn(STAFF_ROLES, { message: `role must be a staff role: ${STAFF_ROLES.join(', ')}` })
  role!: string;
}
