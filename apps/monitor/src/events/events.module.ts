import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SECURITY_EVENTS_QUEUE } from '@storefront/platform/events';
import { AuditModule } from '../audit/audit.module';
import { QueueDepthMetric } from '../metrics/queue-depth.metric';
import { SecurityMetrics } from '../metrics/security-metrics';
import { ResponsesModule } from '../responses/responses.module';
import { RulesModule } from '../rules/rules.module';
import { SecurityEventIngestion } from './security-event-ingestion.service';
import { SecurityEventsController } from './security-events.controller';
import { SecurityEventsProcessor } from './security-events.processor';
import { SecurityEventsRepository } from './security-events.repository';

@Module({
  // registerQueue also brings in @nestjs/bullmq's explorer, which starts the @Processor worker.
  imports: [BullModule.registerQueue({ name: SECURITY_EVENTS_QUEUE }), AuditModule, RulesModule, ResponsesModule],
  controllers: [SecurityEventsController],
  providers: [SecurityEventsRepository, SecurityEventIngestion, SecurityEventsProcessor, SecurityMetrics, QueueDepthMetric],
  exports: [SecurityEventIngestion],
})
export class EventsModule {}
