import { Injectable } from '@nestjs/common';
import type { SecurityEventType } from '@storefront/platform/events';
import type { Tx } from '../database/prisma.service';
import type { EventHistory, HistoryQuery, RecordedEvent } from './rule';

const COLUMN = { email: 'actorEmail', ip: 'sourceIp', user: 'actorUserId' } as const;

/** The rules' view of security_event, read inside the ingestion transaction (so it includes the event being judged). */
@Injectable()
export class EventHistoryRepository {
  within(tx: Tx): EventHistory {
    return {
      recent: async (query: HistoryQuery) => {
        const rows = await tx.securityEvent.findMany({
          where: { type: { in: [...query.types] }, occurredAt: { gt: query.from, lte: query.to }, [COLUMN[query.by.kind]]: query.by.value },
          orderBy: [{ occurredAt: 'desc' }, { id: 'asc' }],
          take: query.limit,
        });
        return rows.map(
          (row): RecordedEvent => ({
            id: row.id,
            type: row.type as SecurityEventType,
            occurredAt: row.occurredAt,
            ...(row.actorUserId ? { userId: row.actorUserId } : {}),
            ...(row.actorEmail ? { email: row.actorEmail } : {}),
            ...(row.sourceIp ? { ip: row.sourceIp } : {}),
            details: row.details as RecordedEvent['details'],
          }),
        );
      },
    };
  }
}
