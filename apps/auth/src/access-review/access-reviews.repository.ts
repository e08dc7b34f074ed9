import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { AccessReview } from '../generated/prisma/client';

/** The only file that touches access_reviews. */
@Injectable()
export class AccessReviewsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(review: { trigger: 'schedule' | 'manual'; triggeredBy?: string; unusedAfterDays: number; startedAt: Date }): Promise<AccessReview> {
    return this.prisma.accessReview.create({ data: review });
  }

  find(id: string): Promise<AccessReview | null> {
    return this.prisma.accessReview.findUnique({ where: { id } });
  }

  latest(count: number): Promise<AccessReview[]> {
    return this.prisma.accessReview.findMany({ orderBy: { startedAt: 'desc' }, take: count });
  }

  async finish(id: string, outcome: { examined: number; revoked: number; finishedAt: Date }): Promise<AccessReview> {
    return this.prisma.accessReview.update({ where: { id }, data: outcome });
  }
}
