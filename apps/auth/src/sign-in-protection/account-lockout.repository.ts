import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

export interface FailureRecorded {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

/** The per-account failure counter and lock, in the auth database (they must survive restarts and be shared by every instance). */
@Injectable()
export class AccountLockoutRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Counts one failure in a single statement, so parallel attempts cannot
   * lose increments. A lock that has run out starts a fresh count; the
   * failure that reaches `maxFailures` sets the lock. Times come from the
   * service clock (not the database's now()) so tests can move time.
   */
  async recordFailure(userId: string, now: Date, maxFailures: number, lockUntil: Date): Promise<FailureRecorded | null> {
    const rows = await this.prisma.$queryRaw<Array<{ failed_login_count: number; locked_until: Date | null }>>`
      WITH current AS (
        SELECT id,
               CASE WHEN locked_until IS NOT NULL AND locked_until <= ${now} THEN 0 ELSE failed_login_count END AS base
        FROM users WHERE id = ${userId}::uuid FOR UPDATE
      )
      UPDATE users u SET
        failed_login_count = current.base + 1,
        last_failed_login_at = ${now},
        locked_until = CASE
          WHEN current.base + 1 >= ${maxFailures} THEN ${lockUntil}
          WHEN u.locked_until IS NOT NULL AND u.locked_until <= ${now} THEN NULL
          ELSE u.locked_until
        END
      FROM current WHERE u.id = current.id
      RETURNING u.failed_login_count, u.locked_until`;
    const row = rows[0];
    return row ? { failedLoginCount: row.failed_login_count, lockedUntil: row.locked_until } : null;
  }

  /** Clears the counter and any lock (a successful sign-in, or support staff). False when there is no such account. */
  async reset(userId: string): Promise<boolean> {
    const { count } = await this.prisma.user.updateMany({ where: { id: userId }, data: { failedLoginCount: 0, lockedUntil: null } });
    return count === 1;
  }
}
