import { Injectable } from '@nestjs/common';
import type { AlertSeverity, AlertStatus, AlertView } from './alert.view';
import { alertsError, AlertsError } from './alerts.errors';
import { type AlertEventView, AlertsRepository } from './alerts.repository';

export interface AlertDetailView extends AlertView {
  events: AlertEventView[];
}

@Injectable()
export class AlertsService {
  constructor(private readonly alerts: AlertsRepository) {}

  async list(limit: number, status?: AlertStatus, severity?: AlertSeverity): Promise<{ items: AlertView[] }> {
    return { items: await this.alerts.newestFirst(limit, status, severity) };
  }

  /** One alert with the events behind it. */
  async detail(id: string): Promise<AlertDetailView> {
    const alert = await this.alerts.find(id);
    if (!alert) throw alertsError(AlertsError.NotFound, 'There is no alert with this id.');
    return { ...alert, events: await this.alerts.events(alert.eventIds) };
  }

  async setStatus(id: string, status: AlertStatus): Promise<AlertView> {
    const alert = await this.alerts.setStatus(id, status);
    if (!alert) throw alertsError(AlertsError.NotFound, 'There is no alert with this id.');
    return alert;
  }
}
