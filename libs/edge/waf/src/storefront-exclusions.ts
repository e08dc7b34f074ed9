import type { WafExclusion } from './waf.types';

/**
 * The exclusions this store's gateway runs with (and the benchmark gives
 * both engines, so the comparison is fair). Passwords are hashed, never
 * interpolated into a query, page or command, and people pick phrases like
 * "Or 1 = 1 tiles": inspecting them for injection only refuses good passwords.
 */
export const STOREFRONT_EXCLUSIONS: readonly WafExclusion[] = [
  {
    pathPrefix: '/api/auth/',
    locations: ['body:$.password', 'body:password', 'body:$.newPassword', 'body:$.currentPassword'],
    attackClasses: ['sqli', 'xss', 'command-injection', 'path-traversal'],
  },
];
