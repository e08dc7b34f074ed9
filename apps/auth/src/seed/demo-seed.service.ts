import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { STAFF_ROLES } from '@storefront/identity/access';
import { normalizeEmail } from '../accounts/email';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { newTotpSecret } from '../mfa/totp';
import { PasswordHasher } from '../passwords/password-hasher';
import { type DemoAccount, DEMO_ACCOUNTS } from './demo-accounts';
import { DemoSeedRepository } from './demo-seed.repository';
import { writeDemoStaffTotpFile } from './demo-staff-totp-file';

const isStaff = (account: DemoAccount) => account.roles.some((role) => STAFF_ROLES.includes(role));

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
    // Checked first so a restart does not pay for five argon2 hashes.
    if (!(await this.seed.isEmpty())) return false;
    const totpFile = this.config.DEMO_STAFF_TOTP_FILE;
    const users = await Promise.all(
      DEMO_ACCOUNTS.map(async (account) => ({
        email: normalizeEmail(account.email),
        name: account.name,
        passwordHash: await this.hasher.hash(account.password),
        roles: [...account.roles],
        // Every staff action needs a recent second factor, so staff get TOTP from the start, stored like any
        // confirmed enrolment; only when the secrets can be handed over (the file), or nobody could sign in as staff.
        ...(totpFile && isStaff(account) ? { totpSecret: newTotpSecret(), totpEnabled: true } : {}),
      })),
    );
    const seeded = await this.seed.seedIfEmpty(users);
    if (!seeded) return false;
    this.logger.log({ accounts: users.length }, 'demo accounts created');
    if (totpFile) {
      writeDemoStaffTotpFile(totpFile, Object.fromEntries(users.flatMap((user) => (user.totpSecret ? [[user.email, user.totpSecret]] : []))));
      this.logger.log({ file: totpFile }, 'demo staff TOTP secrets written');
    }
    return seeded;
  }
}
