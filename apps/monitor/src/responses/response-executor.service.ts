import { Injectable, Logger } from '@nestjs/common';
import { ServiceMetrics } from '@storefront/platform/metrics';
import type { AlertResponse, AlertView } from '../alerts/alert.view';
import { AlertsRepository } from '../alerts/alerts.repository';
import { AuditService } from '../audit/audit.service';
import { AuthClient } from '../core/auth-client';
import { OrderClient } from '../core/order-client';
import { UnitOfWork } from '../database/unit-of-work';
import { EdgeBlocklist, isBlockable } from './edge-blocklist';
import { StepUpDemands } from './step-up-demands';

/**
 * Carries out an alert's responses AFTER the ingestion transaction has
 * committed (a network call must not hold the audit lock), then stores how
 * each went on the alert and appends one audit entry per response. A failed
 * response is reported, not retried: the alert stays open for a human.
 */
@Injectable()
export class ResponseExecutor {
  private readonly logger = new Logger(ResponseExecutor.name);
  private readonly executed;

  constructor(
    private readonly blocklist: EdgeBlocklist,
    private readonly auth: AuthClient,
    private readonly orders: OrderClient,
    private readonly stepUps: StepUpDemands,
    private readonly alerts: AlertsRepository,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
    metrics: ServiceMetrics,
  ) {
    this.executed = metrics.securityCounter('monitor_responses_total', 'Automated responses to alerts, by action and outcome.', ['action', 'outcome']);
  }

  async execute(alert: AlertView): Promise<AlertResponse[]> {
    if (alert.responses.length === 0) return [];
    const done: AlertResponse[] = [];
    for (const response of alert.responses) done.push({ ...response, ...(await this.perform(response, alert)) });
    await this.alerts.recordResponses(alert.id, done);
    await this.unitOfWork.run(async (tx) => {
      await this.audit.lockForAppend(tx);
      for (const r of done) {
        await this.audit.append(tx, { actor: 'monitor', action: `response.${r.action}`, subject: `alert:${alert.id}`, details: { target: r.target, outcome: r.outcome } });
      }
    });
    done.forEach((r) => this.executed.inc({ action: r.action, outcome: r.outcome }));
    this.logger.warn({ alertId: alert.id, responses: done.map((r) => `${r.action}:${r.outcome}`) }, 'alert responses carried out');
    return done;
  }

  private async perform(response: AlertResponse, alert: AlertView): Promise<Pick<AlertResponse, 'outcome' | 'detail'>> {
    try {
      switch (response.action) {
        case 'block_source': {
          if (!isBlockable(response.target)) return { outcome: 'not_available', detail: 'not blocked: a loopback or private address stands for a proxy or NAT, not one client' };
          const until = await this.blocklist.block(response.target, response.durationSeconds ?? 3600);
          return { outcome: 'done', detail: `blocked at the edge until ${until.toISOString()}` };
        }
        case 'lock_account': {
          const res = await this.auth.client.json<{ lockedUntil: string }>({
            method: 'POST',
            path: `/internal/users/${encodeURIComponent(response.target)}/lock`,
            body: { durationSeconds: response.durationSeconds ?? 86_400 },
            timeoutMs: 5_000,
          });
          return { outcome: 'done', detail: `locked until ${res.lockedUntil}` };
        }
        case 'hold_order': {
          if (!this.orders.client) return { outcome: 'not_available', detail: 'hold for review manually: no order service configured (ORDER_URL)' };
          const res = await this.orders.client.json<{ status: string; changed: boolean }>({
            method: 'POST',
            path: `/internal/orders/${encodeURIComponent(response.target)}/hold`,
            body: { reason: `alert ${alert.id}: ${alert.summary}`.slice(0, 200) },
            timeoutMs: 5_000,
          });
          return { outcome: 'done', detail: res.changed ? 'held for review' : `already ${res.status}` };
        }
        case 'require_step_up': {
          const until = await this.stepUps.demand(response.target);
          return { outcome: 'done', detail: `a fresh second factor is required before anything else, until ${until.toISOString()}` };
        }
      }
    } catch (error) {
      return { outcome: 'failed', detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown error' };
    }
  }
}
