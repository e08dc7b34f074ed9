import { Injectable } from '@nestjs/common';
import { AuthRedis } from '../redis/auth-redis';

/** Long enough to touch a key or find a phone, short enough that a leaked challenge is soon useless. */
export const CHALLENGE_TTL_SECONDS = 300;

/**
 * WebAuthn challenges, kept server-side in Redis with a TTL and taken with
 * GETDEL: each one is accepted once at most, so a captured response cannot
 * be replayed. Registration has one pending challenge per user (a newer
 * one replaces it); sign-in challenges are anonymous, keyed by themselves;
 * step-up challenges are keyed by the user they were issued to as well, so
 * one account's challenge is unknown to every other account.
 */
@Injectable()
export class WebAuthnChallenges {
  constructor(private readonly redis: AuthRedis) {}

  async rememberRegistration(userId: string, challenge: string): Promise<void> {
    await this.redis.client.set(this.redis.key('webauthn', 'registration', userId), challenge, 'EX', CHALLENGE_TTL_SECONDS);
  }

  /** The pending registration challenge of this user, now spent; null if none or expired. */
  takeRegistration(userId: string): Promise<string | null> {
    return this.redis.client.getdel(this.redis.key('webauthn', 'registration', userId));
  }

  async rememberSignIn(challenge: string): Promise<void> {
    await this.redis.client.set(this.redis.key('webauthn', 'sign-in', challenge), '1', 'EX', CHALLENGE_TTL_SECONDS);
  }

  /** True once for a challenge this service issued and that has not expired. */
  takeSignIn(challenge: string): Promise<boolean> {
    return this.take(challenge, 'sign-in');
  }

  async rememberStepUp(userId: string, challenge: string): Promise<void> {
    await this.redis.client.set(this.redis.key('webauthn', 'step-up', userId, challenge), '1', 'EX', CHALLENGE_TTL_SECONDS);
  }

  /** True once for a step-up challenge issued to this user and not expired (a sign-in challenge never counts). */
  takeStepUp(userId: string, challenge: string): Promise<boolean> {
    return this.take(challenge, 'step-up', userId);
  }

  private async take(challenge: string, ...scope: string[]): Promise<boolean> {
    // Challenges are base64url; anything else cannot be ours and must not shape a Redis key.
    if (!/^[A-Za-z0-9_-]{16,128}$/.test(challenge)) return false;
    return (await this.redis.client.getdel(this.redis.key('webauthn', ...scope, challenge))) !== null;
  }
}
