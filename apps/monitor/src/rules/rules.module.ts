import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { defaultRules, RULES } from './default-rules';
import { EventHistoryRepository } from './event-history.repository';
import { RuleEngine } from './rule-engine.service';

@Module({
  imports: [AlertsModule],
  providers: [{ provide: RULES, useFactory: defaultRules }, EventHistoryRepository, RuleEngine],
  exports: [RuleEngine],
})
export class RulesModule {}
