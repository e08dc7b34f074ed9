import { expect } from 'vitest';
import type { StorefrontClient } from './storefront-client';

interface AlertSummary {
  id: string;
  rule: string;
  subjects: string[];
}

export interface RecordedDenial {
  type: string;
  service: string;
  actorUserId: string | null;
  details: Record<string, unknown>;
}

/**
 * The `access.permission.denied` event for `userId` refused `permission`, as
 * the security desk shows it: the monitor's access.permission_probe alert
 * for that user, opened with the security analyst's token. Waits (the event
 * travels through the queue) up to 20 s.
 */
export async function recordedDenial(api: StorefrontClient, analystToken: string, userId: string, permission: string): Promise<RecordedDenial> {
  let found: RecordedDenial | undefined;
  await expect
    .poll(
      async () => {
        const alerts = await api.call<{ items: AlertSummary[] }>('GET', '/api/admin/alerts?limit=100', { token: analystToken });
        expect(alerts.status, alerts.text).toBe(200);
        for (const alert of alerts.body.items.filter((a) => a.rule === 'access.permission_probe' && a.subjects.includes(`user:${userId.toLowerCase()}`))) {
          const detail = await api.call<{ events: RecordedDenial[] }>('GET', `/api/admin/alerts/${alert.id}`, { token: analystToken });
          found = detail.body.events.find((event) => event.type === 'access.permission.denied' && event.details.permission === permission);
          if (found) return true;
        }
        return false;
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe(true);
  if (!found) throw new Error('unreachable: the poll above ends only once the event is found');
  return found;
}
