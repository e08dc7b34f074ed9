import { Injectable } from '@nestjs/common';
import type { SecurityEvent } from '@storefront/platform/events';
import type { Tx } from '../database/prisma.service';

@Injectable()
export class SecurityEventsRepository {
  /** Stores the event unless its id is already known; true when this call stored it. */
  async insertIfNew(tx: Tx, event: SecurityEvent): Promise<boolean> {
    const { count } = await tx.securityEvent.createMany({
      data: [
        {
          id: event.id,
          type: event.type,
          service: event.service,
          occurredAt: new Date(event.occurredAt),
          correlationId: event.correlationId ?? null,
          actorUserId: event.actor.userId ?? null,
          actorEmail: event.actor.email?.trim().toLowerCase() ?? null,
          sourceIp: event.source.ip ?? null,
          sourceUserAgent: event.source.userAgent ?? null,
          outcome: event.outcome,
          details: event.details,
        },
      ],
      skipDuplicates: true,
    });
    return count === 1;
  }
}
