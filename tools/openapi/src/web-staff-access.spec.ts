import { describe, expect, it } from 'vitest';
import { ROLES, rolesGranting } from '@storefront/identity/access';
/* eslint-disable-next-line @nx/enforce-module-boundaries -- the web bundle cannot import the Node access library, so it mirrors the minimum; this test (never bundled) keeps the mirror true */
import { PAGE_PERMISSION_ROLES, type PagePermission } from '../../../apps/web/src/pages/staff-access';

describe("the web app's mirror of ROLE_PERMISSIONS (which staff pages a role sees)", () => {
  it.each(Object.keys(PAGE_PERMISSION_ROLES) as PagePermission[])('lists exactly the roles that grant %s', (permission) => {
    expect([...PAGE_PERMISSION_ROLES[permission]].sort()).toEqual(rolesGranting(permission, ROLES).sort());
  });
});
