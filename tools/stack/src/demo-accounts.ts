/**
 * The seeded demo logins, printed at start and listed in the README. They
 * are public on purpose (a demo shop); the auth service seeds them only when
 * SEED_DEMO_DATA=true. Keep in step with apps/auth's seed.
 */
export const DEMO_ACCOUNTS = [
  { role: 'customer', email: 'customer@storefront.test', password: 'Customer-Demo-2026' },
  { role: 'support', email: 'support@storefront.test', password: 'Support-Demo-2026' },
  { role: 'security', email: 'security@storefront.test', password: 'Security-Demo-2026' },
  { role: 'admin', email: 'admin@storefront.test', password: 'Admin-Demo-2026' },
] as const;
