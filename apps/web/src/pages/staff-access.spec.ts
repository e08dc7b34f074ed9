import { describe, expect, it } from 'vitest';
import { rolesInToken, staffPagesFor } from './staff-access';

const tokenWith = (claims: object) => `header.${btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.signature`;

describe('the staff pages a role sees', () => {
  // That the mirror matches ROLE_PERMISSIONS is checked in tools/openapi/src/web-staff-access.spec.ts (this folder is type-checked for the browser).
  it.each([
    ['customer', []],
    ['support', ['support']],
    ['catalog-manager', ['catalog-manager']],
    ['security-analyst', ['monitoring']],
    ['admin', ['support', 'catalog-manager', 'monitoring', 'admin-access', 'admin-keys']],
  ])('shows a %s the pages %j', (role, pages) => {
    expect(staffPagesFor([role]).map((page) => page.route.name)).toEqual(pages);
  });

  it('reads the roles claim from a token, and nothing from a malformed one', () => {
    expect(rolesInToken(tokenWith({ roles: ['support', 7, 'admin'] }))).toEqual(['support', 'admin']);
    expect(rolesInToken(tokenWith({ roles: 'admin' }))).toEqual([]);
    expect(rolesInToken('not a token')).toEqual([]);
    expect(rolesInToken(null)).toEqual([]);
  });
});
