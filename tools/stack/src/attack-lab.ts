import path from 'node:path';
import { type RunningService, startNodeProcess } from './processes';
import { ATTACK_LAB, serviceUrl, servicePort, type StackOptions } from './stack-layout';

/**
 * Starts the attack lab's runner beside the store: the same target `npm run
 * attack` would get (the gateway's public address, the CA whose folder holds
 * the stolen-certificate scenario's files and, beside it, the staff TOTP
 * secrets), plus the vault's database for the stolen-database scenario (in
 * the environment, not on a command line anyone can read with ps).
 */
export function startAttackLab(options: StackOptions, vaultDatabaseUrl: string | undefined): RunningService {
  const args = [
    path.join(options.root, ATTACK_LAB.script),
    '--base-url',
    serviceUrl(options, 'gateway'),
    '--ca',
    path.join(options.secretsDir, 'tls', 'ca.crt'),
    '--port',
    String(servicePort(options, ATTACK_LAB.name)),
  ];
  return startNodeProcess(options, ATTACK_LAB.name, args, vaultDatabaseUrl ? { STOREFRONT_VAULT_DB: vaultDatabaseUrl } : {});
}
