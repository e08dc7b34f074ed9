import { Module } from '@nestjs/common';
import { StaffAccessModule } from '../core/staff-access.module';
import { EventTraceController } from './event-trace.controller';
import { EventTraceRepository } from './event-trace.repository';

@Module({
  imports: [StaffAccessModule],
  controllers: [EventTraceController],
  providers: [EventTraceRepository],
})
export class EventTraceModule {}
