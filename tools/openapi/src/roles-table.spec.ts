import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rolesTable, rolesTableIn } from './roles-table';

const README = path.resolve(__dirname, '../../../README.md');

describe("the README's roles → permissions table", () => {
  it('matches ROLE_PERMISSIONS (paste the expected table between the markers when a role or permission changes)', () => {
    expect(rolesTableIn(readFileSync(README, 'utf8'))).toBe(rolesTable());
  });

  it('shows that only the customer may pay and no role may read a card number back', () => {
    const payRow = rolesTable().split('\n').find((line) => line.startsWith('| `payments:pay:own`'));
    expect(payRow).toBe('| `payments:pay:own` |  | ✓ |  |  |  |  |');
    expect(rolesTable()).not.toMatch(/card:read|cards:read/);
  });
});
