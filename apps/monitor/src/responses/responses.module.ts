import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { EdgeBlocklist } from './edge-blocklist';
import { ResponseExecutor } from './response-executor.service';
import { StepUpDemands } from './step-up-demands';

@Module({
  imports: [AlertsModule, AuditModule],
  providers: [EdgeBlocklist, StepUpDemands, ResponseExecutor],
  exports: [ResponseExecutor, EdgeBlocklist],
})
export class ResponsesModule {}
