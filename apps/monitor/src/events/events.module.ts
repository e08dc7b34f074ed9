import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SECURITY_EVENTS_QUEUE } from '@storefront/platform/events';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { SecurityEventIngestion } from './security-event-ingestion.service';
import { SecurityEventsController } from './security-events.controller';
import { SecurityEventsProcessor } from './security-events.processor';
import { SecurityEventsRepository } from './security-events.repository';

@Module({
  // registerQueue also brings in @nestjs/bullmq's explorer, which starts the @Processor worker.
  imports: [BullModule.registerQueue({ name: SECURITY_EVENTS_QUEUE }), AuditModule, AlertsModule],
  controllers: [SecurityEventsController],
  providers: [SecurityEventsRepository, SecurityEventIngestion, SecurityEventsProcessor],
})
export class EventsModule {}
