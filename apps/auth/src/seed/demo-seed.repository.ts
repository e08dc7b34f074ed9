import { Injectable } from '@nestjs/common';
import { recordStaffGrantsOf } from '../access-review/staff-grants.repository';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class DemoSeedRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Inserts the accounts only if the table is still empty, in one serializable
   * transaction, so two instances starting together seed once.
   */
  seedIfEmpty(users: Array<{ email: string; name: string; passwordHash: string; roles: string[]; totpSecret?: string; totpEnabled?: boolean }>): Promise<boolean> {
    return this.prisma.$transaction(
      async (tx) => {
        if ((await tx.user.count()) > 0) return false;
        await tx.user.createMany({ data: users, skipDuplicates: true });
        // Their staff roles become grants as of now, so the access review can see (and one day revoke) them.
        await recordStaffGrantsOf(tx, users.map((user) => user.email), 'seed');
        return true;
      },
      { isolationLevel: 'Serializable' },
    );
  }

  async isEmpty(): Promise<boolean> {
    return (await this.prisma.user.count()) === 0;
  }
}
