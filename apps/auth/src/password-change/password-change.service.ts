import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { PasswordHasher } from '../passwords/password-hasher';
import { AuthSecurityEvents } from '../security-events/auth-security-events';
import { type ClientFacts, SessionsService } from '../sessions/sessions.service';
import { SignInProtectionService } from '../sign-in-protection/sign-in-protection.service';
import type { PasswordChangedDto } from './dto/password-changed.dto';
import { PasswordChangeError, passwordChangeError } from './password-change.errors';

export interface PasswordChangeRequest {
  userId: string;
  /** The session the request came from: it stays signed in, every other one ends. */
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}

@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly protection: SignInProtectionService,
    private readonly events: AuthSecurityEvents,
  ) {}

  /**
   * The current password is asked again so a stolen access token (or an
   * unattended browser) cannot take the account over. Guesses at it count
   * as failed sign-ins: the same delays and the same lock apply. A changed
   * password usually means "someone else may know the old one", so every
   * other session ends, including their not-yet-expired access tokens.
   */
  async change(request: PasswordChangeRequest, client: ClientFacts): Promise<PasswordChangedDto> {
    const user = await this.accounts.getById(request.userId);
    const attempt = { account: user, email: user.email, ip: client.ip };
    await this.protection.beforePasswordCheck(attempt);
    if (!(await this.passwords.verify(user.passwordHash, request.currentPassword))) {
      await this.protection.recordFailure(attempt, 'wrong_password');
      throw passwordChangeError(PasswordChangeError.CurrentPasswordIncorrect, 'The current password is not correct.');
    }
    await this.accounts.setPassword(user.id, request.newPassword);
    await this.protection.recordSuccess(user);
    const otherSessionsEnded = await this.sessions.endAllExcept(user.id, request.sessionId);
    this.events.passwordChanged({ userId: user.id, email: user.email, ip: client.ip }, otherSessionsEnded);
    return { otherSessionsEnded };
  }
}
