import { Injectable, Logger } from '@nestjs/common';
import { PasswordHasher } from '../passwords/password-hasher';
import { PasswordPolicy } from '../passwords/password-policy';
import { AccountsError, accountsError } from './accounts.errors';
import type { AccountDto } from './dto/account.dto';
import { normalizeEmail } from './email';
import { type UserRecord, UsersRepository } from './users.repository';

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly policy: PasswordPolicy,
  ) {}

  /** Creates a customer account; the role is always customer, whatever the caller wished. */
  async register(input: { email: string; password: string; name: string }): Promise<AccountDto> {
    this.policy.assertAcceptable(input.password);
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.users.create({ email: normalizeEmail(input.email), name: input.name, passwordHash });
    if (!user) throw accountsError(AccountsError.EmailTaken, 'An account with this email already exists.');
    this.logger.log({ userId: user.id }, 'account registered');
    return { id: user.id, email: user.email, name: user.name };
  }

  findByEmail(email: string): Promise<UserRecord | null> {
    return this.users.findByEmail(normalizeEmail(email));
  }

  /** Replaces the password of an account whose owner has just proved the current one; the new one must pass the policy. */
  async setPassword(id: string, password: string): Promise<void> {
    this.policy.assertAcceptable(password);
    await this.users.updatePasswordHash(id, await this.passwords.hash(password));
    this.logger.log({ userId: id }, 'password changed');
  }

  async getById(id: string): Promise<UserRecord> {
    const user = await this.users.findById(id);
    if (!user) throw accountsError(AccountsError.AccountNotFound, 'This account no longer exists.');
    return user;
  }
}
