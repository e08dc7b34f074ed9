import { isStaffPermission, PERMISSIONS, type Permission, ROLE_PERMISSIONS, ROLES } from '@storefront/identity/access';

export const ROLES_TABLE_START = '<!-- roles-permissions:start (generated from ROLE_PERMISSIONS; tools/openapi/src/roles-table.spec.ts checks it) -->';
export const ROLES_TABLE_END = '<!-- roles-permissions:end -->';

const mark = (permission: Permission, role: (typeof ROLES)[number]) => (ROLE_PERMISSIONS[role].includes(permission) ? '✓' : '');

/** The README's roles → permissions table: one row per permission, one column per role, staff permissions marked for step-up. */
export function rolesTable(): string {
  const header = `| permission | step-up | ${ROLES.join(' | ')} |`;
  const rule = `|---|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = PERMISSIONS.map((permission) => `| \`${permission}\` | ${isStaffPermission(permission) ? 'yes' : ''} | ${ROLES.map((role) => mark(permission, role)).join(' | ')} |`);
  return [ROLES_TABLE_START, header, rule, ...rows, ROLES_TABLE_END].join('\n');
}

/** The table as it stands in a README text, markers included, or undefined when the markers are missing. */
export function rolesTableIn(readme: string): string | undefined {
  const start = readme.indexOf(ROLES_TABLE_START);
  const end = readme.indexOf(ROLES_TABLE_END);
  return start === -1 || end < start ? undefined : readme.slice(start, end + ROLES_TABLE_END.length);
}
