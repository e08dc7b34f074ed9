import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { StaffAccessModule } from '../core/staff-access.module';
import { AlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';

@Module({
  imports: [StaffAccessModule, AuditModule],
  controllers: [AlertsController],
  providers: [AlertsRepository, AlertsService],
  exports: [AlertsRepository],
})
export class AlertsModule {}
