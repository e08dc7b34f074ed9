/**
 * Every certificate identity the project CA issues. `ops` is the operator's
 * identity: the launcher, health checks and tests use it, and it is allowed
 * only on health routes.
 */
export const SERVICE_IDENTITIES = ['gateway', 'auth', 'catalog', 'order', 'payment-vault', 'kms', 'monitor', 'ops'] as const;
export type ServiceIdentity = (typeof SERVICE_IDENTITIES)[number];
