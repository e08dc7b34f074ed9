import { Injectable, Logger } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { normalizeEmail } from '../accounts/email';
import { MfaService } from '../mfa/mfa.service';
import { PasswordHasher } from '../passwords/password-hasher';
import { AuthSecurityEvents } from '../security-events/auth-security-events';
import { type SessionTokens, SessionsService } from '../sessions/sessions.service';
import { SignInProtectionService } from '../sign-in-protection/sign-in-protection.service';
import { LoginError, loginError } from './login.errors';

export type LoginOutcome = { kind: 'signed-in'; tokens: SessionTokens } | { kind: 'mfa-required'; mfaToken: string };

/** Who is asking: the source IP feeds the per-source throttling and the security log. */
export interface LoginContext {
  clientIp?: string;
  /** Kept with the session so the user can recognise the device on the Security page. */
  userAgent?: string;
}

@Injectable()
export class LoginService {
  private readonly logger = new Logger(LoginService.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordHasher,
    private readonly mfa: MfaService,
    private readonly sessions: SessionsService,
    private readonly protection: SignInProtectionService,
    private readonly events: AuthSecurityEvents,
  ) {}

  async login(email: string, password: string, context: LoginContext): Promise<LoginOutcome> {
    const user = await this.accounts.findByEmail(email);
    const attempt = { account: user, email: normalizeEmail(email), ip: context.clientIp };
    // Locked → 423 before the password is looked at; otherwise the progressive delay.
    await this.protection.beforePasswordCheck(attempt);
    // An unknown email still pays for one argon2 verification, so timing does not reveal which emails exist.
    const passwordOk = user ? await this.passwords.verify(user.passwordHash, password) : await this.passwords.verifyDummy(password);
    if (!user || !passwordOk) {
      const reason = user ? 'wrong_password' : 'unknown_email';
      this.logger.warn({ userId: user?.id, clientIp: context.clientIp, reason, event: 'login_failed' }, 'sign-in refused');
      await this.protection.recordFailure(attempt, reason);
      // One code and one message for both cases: the response must not reveal whether the account exists.
      throw loginError(LoginError.InvalidCredentials, 'The email or password is not correct.');
    }
    if (user.totpEnabled) {
      // The counter is cleared only when the second factor is passed too: a stolen password alone must not reset it.
      this.logger.log({ userId: user.id, clientIp: context.clientIp }, 'password accepted, second factor due');
      return { kind: 'mfa-required', mfaToken: await this.mfa.startChallenge(user.id) };
    }
    await this.protection.recordSuccess(user);
    const tokens = await this.sessions.start(user, { ip: context.clientIp, userAgent: context.userAgent });
    this.logger.log({ userId: user.id, clientIp: context.clientIp, event: 'login_succeeded' }, 'signed in');
    this.events.loginSucceeded({ userId: user.id, email: user.email, ip: context.clientIp }, false);
    return { kind: 'signed-in', tokens };
  }

  async completeMfa(mfaToken: string, code: string, context: LoginContext): Promise<SessionTokens> {
    const userId = await this.mfa.completeChallenge(mfaToken, code, context.clientIp);
    const user = await this.accounts.getById(userId);
    await this.protection.recordSuccess(user);
    const tokens = await this.sessions.start(user, { ip: context.clientIp, userAgent: context.userAgent }, { mfa: true });
    this.logger.log({ userId, clientIp: context.clientIp, event: 'login_succeeded', mfa: true }, 'signed in');
    this.events.loginSucceeded({ userId, email: user.email, ip: context.clientIp }, true);
    return tokens;
  }
}
