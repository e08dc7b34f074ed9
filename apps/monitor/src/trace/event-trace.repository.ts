import { Injectable } from '@nestjs/common';
import type { SecurityEventDetails } from '@storefront/platform/events';
import type { AlertResponse, AlertSeverity } from '../alerts/alert.view';
import { PrismaService } from '../database/prisma.service';

/** One stored security event, as the trace shows it. */
export interface TracedEventView {
  id: string;
  type: string;
  outcome: string;
  service: string;
  occurredAt: string;
  correlationId: string;
  actor?: { userId?: string; email?: string };
  source?: { ip?: string; userAgent?: string };
  /** Flat, as every event's details are (validated when the monitor took the event in). */
  details: SecurityEventDetails;
}

/** An alert raised on at least one of the traced events. */
export interface TracedAlertView {
  id: string;
  rule: string;
  severity: AlertSeverity;
  summary: string;
  raisedAt: string;
  eventIds: string[];
  responses: AlertResponse[];
}

/** Drops the keys whose value is null, and the whole object when none is left. */
function present<T extends Record<string, string | null>>(fields: T): { [K in keyof T]?: string } | undefined {
  const kept = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as { [K in keyof T]?: string };
  return Object.keys(kept).length ? kept : undefined;
}

@Injectable()
export class EventTraceRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The newest `limit` events whose correlation id starts with `prefix`, oldest first (the order the
   * requests were made in). Newest, because a long run (a flood, scraping) ends with its refusals.
   */
  async eventsCorrelatedBy(prefix: string, limit: number): Promise<TracedEventView[]> {
    const newestFirst = await this.prisma.securityEvent.findMany({
      where: { correlationId: { startsWith: prefix } },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    const rows = newestFirst.reverse();
    return rows.map((row) => {
      const actor = present({ userId: row.actorUserId, email: row.actorEmail });
      const source = present({ ip: row.sourceIp, userAgent: row.sourceUserAgent });
      return {
        id: row.id,
        type: row.type,
        outcome: row.outcome,
        service: row.service,
        occurredAt: row.occurredAt.toISOString(),
        correlationId: row.correlationId ?? '',
        ...(actor ? { actor } : {}),
        ...(source ? { source } : {}),
        details: row.details as SecurityEventDetails,
      };
    });
  }

  /** The alerts that name any of `eventIds` among the events behind them, oldest first. */
  async alertsOn(eventIds: string[]): Promise<TracedAlertView[]> {
    if (!eventIds.length) return [];
    const rows = await this.prisma.alert.findMany({ where: { eventIds: { hasSome: eventIds } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map((row) => ({
      id: row.id,
      rule: row.rule,
      severity: row.severity as AlertSeverity,
      summary: row.summary,
      raisedAt: row.createdAt.toISOString(),
      eventIds: row.eventIds,
      responses: row.responses as unknown as AlertResponse[],
    }));
  }
}
