import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { normalizeEmail } from '../accounts/email';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { PasswordHasher } from '../passwords/password-hasher';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { DemoSeedRepository } from './demo-seed.repository';

/** Creates the demo accounts at startup when asked to and the users table is empty. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly seed: DemoSeedRepository,
    private readonly hasher: PasswordHasher,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SEED_DEMO_DATA) return;
    await this.seedDemoAccounts();
  }

  async seedDemoAccounts(): Promise<boolean> {
    // Checked first so a restart does not pay for four argon2 hashes.
    if (!(await this.seed.isEmpty())) return false;
    const users = await Promise.all(
      DEMO_ACCOUNTS.map(async (account) => ({
        email: normalizeEmail(account.email),
        name: account.name,
        passwordHash: await this.hasher.hash(account.password),
        roles: [...account.roles],
      })),
    );
    const seeded = await this.seed.seedIfEmpty(users);
    if (seeded) this.logger.log({ accounts: users.length }, 'demo accounts created');
    return seeded;
  }
}
