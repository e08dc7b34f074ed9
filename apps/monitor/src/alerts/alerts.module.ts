import { Module } from '@nestjs/common';
import { StaffAccessModule } from '../core/staff-access.module';
import { AlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';
import { BruteForceLoginRule } from './brute-force-login.rule';

@Module({
  imports: [StaffAccessModule],
  controllers: [AlertsController],
  providers: [AlertsRepository, AlertsService, BruteForceLoginRule],
  exports: [BruteForceLoginRule],
})
export class AlertsModule {}
