import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service';
import type { Alert } from '../generated/prisma/client';
import type { AlertSeverity, AlertStatus, AlertView } from './alert.view';

export interface NewAlert {
  id: string;
  rule: string;
  severity: AlertSeverity;
  summary: string;
  subjects: string[];
  eventIds: string[];
  windowEndsAt: Date;
}

/** A rule subject: which column of security_event it groups on. */
export type SubjectKind = 'email' | 'ip';

@Injectable()
export class AlertsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Ids of events of one type for one subject in (from, to], newest first. */
  async eventIdsFor(tx: Tx, type: string, kind: SubjectKind, value: string, from: Date, to: Date, limit: number): Promise<string[]> {
    const rows = await tx.securityEvent.findMany({
      where: { type, occurredAt: { gt: from, lte: to }, ...(kind === 'email' ? { actorEmail: value } : { sourceIp: value }) },
      orderBy: { occurredAt: 'desc' },
      take: limit,
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  /** Subjects (among `subjects`) already covered by an alert of this rule whose window is still open at `at`. */
  async subjectsInOpenWindow(tx: Tx, rule: string, subjects: string[], at: Date): Promise<Set<string>> {
    const alerts = await tx.alert.findMany({ where: { rule, windowEndsAt: { gt: at }, subjects: { hasSome: subjects } }, select: { subjects: true } });
    return new Set(alerts.flatMap((alert) => alert.subjects));
  }

  async create(tx: Tx, alert: NewAlert): Promise<AlertView> {
    return toView(await tx.alert.create({ data: alert }));
  }

  async newestFirst(limit: number, status?: AlertStatus): Promise<AlertView[]> {
    const rows = await this.prisma.alert.findMany({ where: status ? { status } : {}, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: limit });
    return rows.map(toView);
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
  };
}
