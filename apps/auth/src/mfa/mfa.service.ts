import { Injectable, Logger } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import { PasswordHasher } from '../passwords/password-hasher';
import { AuthSecurityEvents } from '../security-events/auth-security-events';
import { Clock } from '../system/clock';
import { hashOpaqueToken, isOpaqueToken, newOpaqueToken } from '../tokens/opaque-token';
import type { RecoveryCodesDto } from './dto/recovery-codes.dto';
import type { TotpEnrollmentDto } from './dto/totp-enrollment.dto';
import { MfaError, mfaError } from './mfa.errors';
import { MfaRepository } from './mfa.repository';
import { generateRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';
import { checkTotp, newTotpSecret, TOTP_CODE_PATTERN, totpUri } from './totp';

/** The second step of a sign-in must be finished within five minutes. */
export const MFA_CHALLENGE_TTL_MS = 5 * 60_000;
/** Wrong codes allowed per challenge: 5 guesses out of a million TOTP codes, then sign in again. */
export const MFA_MAX_ATTEMPTS = 5;

@Injectable()
export class MfaService {
  private readonly logger = new Logger(MfaService.name);

  constructor(
    private readonly mfa: MfaRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly events: AuthSecurityEvents,
  ) {}

  async enrollTotp(userId: string): Promise<TotpEnrollmentDto> {
    const state = await this.mfa.findTotpState(userId);
    if (state?.totpEnabled) throw mfaError(MfaError.TotpAlreadyEnabled, 'TOTP is already enabled on this account.');
    const secret = newTotpSecret();
    if (!state || !(await this.mfa.savePendingSecret(userId, secret))) {
      throw mfaError(MfaError.TotpAlreadyEnabled, 'TOTP is already enabled on this account.');
    }
    const otpauthUrl = totpUri(state.email, secret);
    return { secret, otpauthUrl, qrCodeDataUrl: await toDataURL(otpauthUrl) };
  }

  async confirmTotp(userId: string, code: string): Promise<RecoveryCodesDto> {
    const state = await this.mfa.findTotpState(userId);
    if (state?.totpEnabled) throw mfaError(MfaError.TotpAlreadyEnabled, 'TOTP is already enabled on this account.');
    if (!state?.totpSecret) throw mfaError(MfaError.TotpNotEnrolled, 'Start TOTP enrollment first.');
    const check = await checkTotp(state.totpSecret, code, state.totpLastUsedStep, this.clock.now());
    if (!check.valid) throw mfaError(MfaError.TotpCodeInvalid, 'That code is not valid; check the time on your device and try the current code.');
    const recoveryCodes = generateRecoveryCodes();
    const hashes = await Promise.all(recoveryCodes.map((recoveryCode) => this.hasher.hash(normalizeRecoveryCode(recoveryCode) ?? recoveryCode)));
    if (!(await this.mfa.enableTotp(userId, state.totpSecret, check.step, hashes))) {
      throw mfaError(MfaError.TotpNotEnrolled, 'The enrollment changed meanwhile; start TOTP enrollment again.');
    }
    this.logger.log({ userId, event: 'mfa_enabled' }, 'TOTP enabled');
    return { recoveryCodes };
  }

  /** Opens the second step of a sign-in; the returned token is the only proof the password was right. */
  async startChallenge(userId: string): Promise<string> {
    const { token, hash } = newOpaqueToken();
    await this.mfa.createChallenge({ userId, tokenHash: hash, expiresAt: new Date(this.clock.now().getTime() + MFA_CHALLENGE_TTL_MS) });
    return token;
  }

  /** Checks the second factor (a TOTP code or a recovery code) and returns whose sign-in it completes. */
  async completeChallenge(mfaToken: string, code: string, clientIp?: string): Promise<string> {
    const now = this.clock.now();
    const challenge = isOpaqueToken(mfaToken) ? await this.mfa.claimAttempt(hashOpaqueToken(mfaToken), now, MFA_MAX_ATTEMPTS) : null;
    if (!challenge) throw mfaError(MfaError.MfaTokenInvalid, 'This sign-in step has expired or is not valid; sign in again.');

    await this.checkSecondFactor(challenge.userId, code, now, clientIp);
    if (!(await this.mfa.consumeChallenge(challenge.id, now))) {
      throw mfaError(MfaError.MfaTokenInvalid, 'This sign-in step has expired or is not valid; sign in again.');
    }
    return challenge.userId;
  }

  /** True when the account has a confirmed TOTP factor (and so recovery codes): it can answer a step-up. */
  async hasTotp(userId: string): Promise<boolean> {
    return (await this.mfa.findTotpState(userId))?.totpEnabled === true;
  }

  /**
   * Step-up: a signed-in user proves the second factor again (a TOTP code or
   * a recovery code, each single use). Throws MFA_CODE_INVALID when refused.
   */
  async verifyStepUp(userId: string, code: string, clientIp?: string): Promise<void> {
    await this.checkSecondFactor(userId, code, this.clock.now(), clientIp);
  }

  private async checkSecondFactor(userId: string, code: string, now: Date, clientIp?: string): Promise<void> {
    const method = TOTP_CODE_PATTERN.test(code) ? 'totp' : 'recovery-code';
    const accepted = method === 'totp' ? await this.acceptTotp(userId, code, now) : await this.acceptRecoveryCode(userId, code, now);
    if (!accepted) {
      this.logger.warn({ userId, method, event: 'mfa_failed' }, 'second factor refused');
      this.events.mfaFailed({ userId, ip: clientIp }, method);
      throw mfaError(MfaError.MfaCodeInvalid, 'That code is not valid.');
    }
    this.logger.log({ userId, method }, 'second factor accepted');
  }

  private async acceptTotp(userId: string, code: string, now: Date): Promise<boolean> {
    const state = await this.mfa.findTotpState(userId);
    if (!state?.totpEnabled || !state.totpSecret) return false;
    const check = await checkTotp(state.totpSecret, code, state.totpLastUsedStep, now);
    return check.valid && (await this.mfa.recordTotpStep(userId, check.step));
  }

  private async acceptRecoveryCode(userId: string, input: string, now: Date): Promise<boolean> {
    const code = normalizeRecoveryCode(input);
    if (!code) return false;
    const candidates = await this.mfa.unusedRecoveryCodes(userId);
    // Check every candidate (not stopping at the first match) so timing says nothing about which one matched.
    const matches = await Promise.all(candidates.map(async (candidate) => ((await this.hasher.verify(candidate.codeHash, code)) ? candidate : undefined)));
    const match = matches.find((candidate) => candidate !== undefined);
    if (!match) return false;
    const used = await this.mfa.useRecoveryCode(match.id, now);
    if (used) this.logger.warn({ userId, remaining: candidates.length - 1, event: 'recovery_code_used' }, 'recovery code used');
    return used;
  }
}
