import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { redisTlsOptions } from '@storefront/platform/config';
import { AuthAccessModule } from '../access/auth-access.module';
import { AUTH_CONFIG, type AuthConfig } from '../config/auth.config';
import { SessionsModule } from '../sessions/sessions.module';
import { AccessReviewController } from './access-review.controller';
import { AccessReviewEvents } from './access-review.events';
import { AccessReviewProcessor } from './access-review.processor';
import { ACCESS_REVIEW_QUEUE } from './access-review.queue';
import { AccessReviewScheduler } from './access-review.scheduler';
import { AccessReviewService } from './access-review.service';
import { AccessReviewsRepository } from './access-reviews.repository';
import { GrantUsageReader } from './grant-usage.reader';
import { StaffGrantsRepository } from './staff-grants.repository';
import { StaffRolesController } from './staff-roles.controller';
import { StaffRolesService } from './staff-roles.service';

@Module({
  imports: [
    // Auth's only BullMQ queue, under the prefix it shares with the monitor (tests give each instance its own).
    BullModule.forRootAsync({
      inject: [AUTH_CONFIG],
      useFactory: (config: AuthConfig) => ({ connection: { url: config.REDIS_URL, ...redisTlsOptions(config.REDIS_URL) }, prefix: config.SECURITY_EVENTS_PREFIX }),
    }),
    // registerQueue also brings in @nestjs/bullmq's explorer, which starts the @Processor worker.
    BullModule.registerQueue({ name: ACCESS_REVIEW_QUEUE }),
    AuthAccessModule,
    SessionsModule,
  ],
  controllers: [AccessReviewController, StaffRolesController],
  providers: [
    AccessReviewService,
    AccessReviewScheduler,
    AccessReviewProcessor,
    AccessReviewEvents,
    AccessReviewsRepository,
    StaffGrantsRepository,
    GrantUsageReader,
    StaffRolesService,
  ],
})
export class AccessReviewModule {}
