import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { isUniqueViolation } from '../database/unique-violation';

/** An account as the rest of the service sees it. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  roles: string[];
  totpEnabled: boolean;
  /** Sign-in lockout state (see sign-in-protection). */
  failedLoginCount: number;
  lockedUntil: Date | null;
}

const USER_FIELDS = { id: true, email: true, name: true, passwordHash: true, roles: true, totpEnabled: true, failedLoginCount: true, lockedUntil: true } as const;

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Null when the email already has an account (the unique index decides, so two racing sign-ups cannot both win). */
  async create(user: { email: string; name: string; passwordHash: string }): Promise<UserRecord | null> {
    try {
      // roles is left to the column default ({customer}): no code path passes a role at sign-up.
      return await this.prisma.user.create({ data: user, select: USER_FIELDS });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  findByEmail(email: string): Promise<UserRecord | null> {
    return this.prisma.user.findUnique({ where: { email }, select: USER_FIELDS });
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.prisma.user.update({ where: { id }, data: { passwordHash } });
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.prisma.user.findUnique({ where: { id }, select: USER_FIELDS });
  }
}
