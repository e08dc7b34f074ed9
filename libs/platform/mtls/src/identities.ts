/**
 * Every certificate identity the project CA issues. `ops` is the operator's
 * identity: the launcher, health checks and tests use it, and it is allowed
 * only on health routes.
 */
export const SERVICE_IDENTITIES = ['gateway', 'auth', 'catalog', 'order', 'payment-vault', 'kms', 'monitor', 'ops'] as const;
export type ServiceIdentity = (typeof SERVICE_IDENTITIES)[number];

/**
 * Identities the project CA issues to tools outside the store. `attack-lab`
 * is the attack lab's runner (tools/attack/lab-server.mjs): the attacker's
 * machine, which the gateway alone calls to launch a scenario. It is no
 * service identity, so no service's health route or @AllowedClients admits it.
 */
export const TOOL_IDENTITIES = ['attack-lab'] as const;
