import { Injectable } from '@nestjs/common';
import { STAFF_ROLES } from '@storefront/identity/access';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

/** A live grant as the review examines it. */
export interface LiveGrantRow {
  id: string;
  userId: string;
  role: string;
  grantedAt: Date;
  grantedBy: string;
  lastUsedAt: Date | null;
  user: { email: string };
}

/** Usage read from the shared Redis hash: when `userId` last used `role`. */
export interface GrantUsage {
  userId: string;
  role: string;
  at: Date;
}

/** What a revocation changed, for the caller to announce after the commit. */
export interface RevokedGrant {
  grantId: string;
  userId: string;
  email: string;
  role: string;
  lastUsedAt: Date | null;
  /** Login sessions (refresh families) ended so the role is gone at once. */
  endedSessionIds: string[];
}

type Tx = Prisma.TransactionClient;

/**
 * The only file that touches staff_grants (and, for a grant's removal,
 * users.roles and refresh_sessions in the same transaction).
 */
@Injectable()
export class StaffGrantsRepository {
  constructor(private readonly prisma: PrismaService) {}

  liveGrants(): Promise<LiveGrantRow[]> {
    return this.prisma.staffGrant.findMany({
      where: { revokedAt: null },
      select: { id: true, userId: true, role: true, grantedAt: true, grantedBy: true, lastUsedAt: true, user: { select: { email: true } } },
      orderBy: [{ user: { email: 'asc' } }, { role: 'asc' }],
    });
  }

  /**
   * Copies usage into last_used_at, keeping the later of both. Usage older
   * than the grant itself is ignored: it belongs to an earlier grant of the
   * same role, and must not make a fresh grant look long unused.
   */
  /** How many unrevoked grants of `role` exist (the review keeps the last admin one). */
  countLive(role: string): Promise<number> {
    return this.prisma.staffGrant.count({ where: { role, revokedAt: null } });
  }

  async recordUsage(usage: readonly GrantUsage[]): Promise<number> {
    if (usage.length === 0) return 0;
    return this.prisma.$executeRaw`
      UPDATE staff_grants AS g
      SET last_used_at = GREATEST(COALESCE(g.last_used_at, u.at), u.at)
      FROM unnest(${usage.map((u) => u.userId)}::uuid[], ${usage.map((u) => u.role)}::text[], ${usage.map((u) => u.at)}::timestamptz[]) AS u(user_id, role, at)
      WHERE g.user_id = u.user_id AND g.role = u.role AND g.revoked_at IS NULL AND u.at >= g.granted_at`;
  }

  /**
   * Revokes one grant if it is still live and still unused since `cutoff`,
   * in one transaction: the grant row (locked first, so a second review
   * running at the same time waits, then finds it revoked and does nothing),
   * the role in users.roles, and every session of the user.
   */
  revokeIfUnused(grantId: string, cutoff: Date, now: Date, reason: string): Promise<RevokedGrant | null> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<Array<{ user_id: string; role: string; last_used_at: Date | null }>>`
        SELECT user_id, role, last_used_at FROM staff_grants
        WHERE id = ${grantId}::uuid AND revoked_at IS NULL AND COALESCE(last_used_at, granted_at) < ${cutoff}
        FOR UPDATE`;
      const grant = locked[0];
      if (!grant) return null;
      return this.removeGrant(tx, { id: grantId, userId: grant.user_id, role: grant.role, lastUsedAt: grant.last_used_at }, now, reason);
    });
  }

  /** Gives a staff role: a grant row plus the role in users.roles. False when the user holds it already. */
  grant(userId: string, role: string, grantedBy: string): Promise<'granted' | 'already_granted' | 'no_user'> {
    return this.prisma.$transaction(async (tx) => {
      const users = await tx.$queryRaw<Array<{ roles: string[] }>>`SELECT roles FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
      if (users.length === 0) return 'no_user';
      if ((await tx.staffGrant.count({ where: { userId, role, revokedAt: null } })) > 0) return 'already_granted';
      await tx.staffGrant.create({ data: { userId, role, grantedBy } });
      if (!users[0].roles.includes(role)) await tx.$executeRaw`UPDATE users SET roles = array_append(roles, ${role}) WHERE id = ${userId}::uuid`;
      return 'granted';
    });
  }

  /** Takes a staff role away now (an admin's decision), like the review does. Null when the user has no live grant of it. */
  revoke(userId: string, role: string, now: Date, reason: string): Promise<RevokedGrant | null> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<Array<{ id: string; last_used_at: Date | null }>>`
        SELECT id, last_used_at FROM staff_grants WHERE user_id = ${userId}::uuid AND role = ${role} AND revoked_at IS NULL FOR UPDATE`;
      const grant = locked[0];
      if (!grant) return null;
      return this.removeGrant(tx, { id: grant.id, userId, role, lastUsedAt: grant.last_used_at }, now, reason);
    });
  }

  private async removeGrant(tx: Tx, grant: { id: string; userId: string; role: string; lastUsedAt: Date | null }, now: Date, reason: string): Promise<RevokedGrant> {
    await tx.staffGrant.update({ where: { id: grant.id }, data: { revokedAt: now, revokedReason: reason } });
    const users = await tx.$queryRaw<Array<{ email: string }>>`
      UPDATE users SET roles = array_remove(roles, ${grant.role}) WHERE id = ${grant.userId}::uuid RETURNING email`;
    // Tokens already issued still name the role: end every session, so the next request signs in afresh without it.
    const sessions = await tx.refreshSession.findMany({ where: { userId: grant.userId, revokedAt: null }, select: { familyId: true }, distinct: ['familyId'] });
    await tx.refreshSession.updateMany({ where: { userId: grant.userId, revokedAt: null }, data: { revokedAt: now } });
    return {
      grantId: grant.id,
      userId: grant.userId,
      email: users[0]?.email ?? '',
      role: grant.role,
      lastUsedAt: grant.lastUsedAt,
      endedSessionIds: sessions.map((session) => session.familyId),
    };
  }
}

/**
 * Records a grant for every staff role the users just created hold, in the
 * caller's transaction (the demo seed). Granted by `grantedBy`, as of now.
 */
export async function recordStaffGrantsOf(tx: Tx, emails: readonly string[], grantedBy: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO staff_grants (user_id, role, granted_by)
    SELECT u.id, r.role, ${grantedBy} FROM users u CROSS JOIN LATERAL unnest(u.roles) AS r(role)
    WHERE u.email = ANY(${[...emails]}::text[]) AND r.role = ANY(${[...STAFF_ROLES]}::text[])
    ON CONFLICT DO NOTHING`;
}
