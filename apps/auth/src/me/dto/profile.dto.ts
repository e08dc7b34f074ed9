import type { Role } from '@storefront/identity/access';

/** The signed-in caller as GET /me shows them. */
export interface ProfileDto {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  mfa: { totp: boolean };
}
