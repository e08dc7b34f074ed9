/**
 * Demo accounts created when SEED_DEMO_DATA=true and the users table is
 * empty. Plain data with no imports, so the launcher can load and print it.
 * These passwords are public: never enable the seed outside a demo.
 */
export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  roles: readonly ('customer' | 'support' | 'catalog-manager' | 'security-analyst' | 'admin')[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'customer@storefront.test', password: 'Customer-Demo-2026', name: 'Casey Customer', roles: ['customer'] },
  { email: 'support@storefront.test', password: 'Support-Demo-2026', name: 'Sam Support', roles: ['support'] },
  { email: 'catalog@storefront.test', password: 'Catalog-Demo-2026', name: 'Cam Catalog', roles: ['catalog-manager'] },
  { email: 'security@storefront.test', password: 'Security-Demo-2026', name: 'Sky Security', roles: ['security-analyst'] },
  { email: 'admin@storefront.test', password: 'Admin-Demo-2026', name: 'Alex Admin', roles: ['admin'] },
];
