/* eslint-disable-next-line @nx/enforce-module-boundaries -- the launcher prints the very accounts the auth seed creates: one list, plain data with no imports (see that file) */
import { DEMO_ACCOUNTS as SEEDED } from '../../../apps/auth/src/seed/demo-accounts';

/**
 * The seeded demo logins, printed at start and listed in the README. They
 * are public on purpose (a demo shop); the auth service seeds them only when
 * SEED_DEMO_DATA=true. One list, the seed's: the launcher only reshapes it.
 */
export const DEMO_ACCOUNTS = SEEDED.map((account) => ({ role: account.roles.join(', '), email: account.email, password: account.password }));
