import { Injectable, Logger } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { MfaService } from '../mfa/mfa.service';
import { PasswordHasher } from '../passwords/password-hasher';
import { type SessionTokens, SessionsService } from '../sessions/sessions.service';
import { LoginError, loginError } from './login.errors';

export type LoginOutcome = { kind: 'signed-in'; tokens: SessionTokens } | { kind: 'mfa-required'; mfaToken: string };

/** Who is asking, for the security log only; never used to decide anything. */
export interface LoginContext {
  clientIp?: string;
}

@Injectable()
export class LoginService {
  private readonly logger = new Logger(LoginService.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly passwords: PasswordHasher,
    private readonly mfa: MfaService,
    private readonly sessions: SessionsService,
  ) {}

  async login(email: string, password: string, context: LoginContext): Promise<LoginOutcome> {
    const user = await this.accounts.findByEmail(email);
    // An unknown email still pays for one argon2 verification, so timing does not reveal which emails exist.
    const passwordOk = user ? await this.passwords.verify(user.passwordHash, password) : await this.passwords.verifyDummy(password);
    if (!user || !passwordOk) {
      this.logger.warn({ userId: user?.id, clientIp: context.clientIp, reason: user ? 'wrong-password' : 'unknown-account', event: 'login_failed' }, 'sign-in refused');
      // One code and one message for both cases: the response must not reveal whether the account exists.
      throw loginError(LoginError.InvalidCredentials, 'The email or password is not correct.');
    }
    if (user.totpEnabled) {
      this.logger.log({ userId: user.id, clientIp: context.clientIp }, 'password accepted, second factor due');
      return { kind: 'mfa-required', mfaToken: await this.mfa.startChallenge(user.id) };
    }
    const tokens = await this.sessions.start(user);
    this.logger.log({ userId: user.id, clientIp: context.clientIp, event: 'login_succeeded' }, 'signed in');
    return { kind: 'signed-in', tokens };
  }

  async completeMfa(mfaToken: string, code: string, context: LoginContext): Promise<SessionTokens> {
    const userId = await this.mfa.completeChallenge(mfaToken, code);
    const user = await this.accounts.getById(userId);
    const tokens = await this.sessions.start(user);
    this.logger.log({ userId, clientIp: context.clientIp, event: 'login_succeeded', mfa: true }, 'signed in');
    return tokens;
  }
}
