import { Injectable } from '@nestjs/common';
import type { AlertStatus, AlertView } from './alert.view';
import { AlertsRepository } from './alerts.repository';

@Injectable()
export class AlertsService {
  constructor(private readonly alerts: AlertsRepository) {}

  async list(limit: number, status?: AlertStatus): Promise<{ items: AlertView[] }> {
    return { items: await this.alerts.newestFirst(limit, status) };
  }
}
