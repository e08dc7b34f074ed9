import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service';
import type { Alert, Prisma } from '../generated/prisma/client';
import type { AlertResponse, AlertSeverity, AlertStatus, AlertView } from './alert.view';

export interface NewAlert {
  id: string;
  rule: string;
  severity: AlertSeverity;
  summary: string;
  subjects: string[];
  eventIds: string[];
  windowEndsAt: Date;
  responses: AlertResponse[];
}

/** An event behind an alert, as security staff see it. */
export interface AlertEventView {
  id: string;
  type: string;
  service: string;
  occurredAt: string;
  outcome: string;
  actorUserId: string | null;
  actorEmail: string | null;
  sourceIp: string | null;
  details: unknown;
}

@Injectable()
export class AlertsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** For each of `subjects`, the highest severity of this rule's alerts whose window is still open at `at`. */
  async openSeverities(tx: Tx, rule: string, subjects: string[], at: Date): Promise<Map<string, AlertSeverity[]>> {
    const alerts = await tx.alert.findMany({ where: { rule, windowEndsAt: { gt: at }, subjects: { hasSome: subjects } }, select: { subjects: true, severity: true } });
    const bySubject = new Map<string, AlertSeverity[]>();
    for (const alert of alerts) for (const s of alert.subjects) bySubject.set(s, [...(bySubject.get(s) ?? []), alert.severity as AlertSeverity]);
    return bySubject;
  }

  async create(tx: Tx, alert: NewAlert): Promise<AlertView> {
    return toView(await tx.alert.create({ data: { ...alert, responses: alert.responses as unknown as Prisma.InputJsonValue } }));
  }

  async recordResponses(id: string, responses: AlertResponse[]): Promise<void> {
    await this.prisma.alert.update({ where: { id }, data: { responses: responses as unknown as Prisma.InputJsonValue } });
  }

  async newestFirst(limit: number, status?: AlertStatus, severity?: AlertSeverity): Promise<AlertView[]> {
    const rows = await this.prisma.alert.findMany({
      where: { ...(status ? { status } : {}), ...(severity ? { severity } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map(toView);
  }

  async find(id: string): Promise<AlertView | null> {
    const row = await this.prisma.alert.findUnique({ where: { id } });
    return row ? toView(row) : null;
  }

  async setStatus(id: string, status: AlertStatus): Promise<AlertView | null> {
    const { count } = await this.prisma.alert.updateMany({ where: { id }, data: { status } });
    return count === 1 ? this.find(id) : null;
  }

  async events(ids: string[]): Promise<AlertEventView[]> {
    const rows = await this.prisma.securityEvent.findMany({ where: { id: { in: ids } }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      service: row.service,
      occurredAt: row.occurredAt.toISOString(),
      outcome: row.outcome,
      actorUserId: row.actorUserId,
      actorEmail: row.actorEmail,
      sourceIp: row.sourceIp,
      details: row.details,
    }));
  }
}

function toView(alert: Alert): AlertView {
  return {
    id: alert.id,
    rule: alert.rule,
    severity: alert.severity as AlertSeverity,
    summary: alert.summary,
    subjects: alert.subjects,
    eventIds: alert.eventIds,
    status: alert.status as AlertStatus,
    createdAt: alert.createdAt.toISOString(),
    windowEndsAt: alert.windowEndsAt.toISOString(),
    responses: alert.responses as unknown as AlertResponse[],
  };
}
