import { describe, expect, it } from 'vitest';
import { PermissionDeniedRule } from './permission-denied.rule';
import type { EventHistory, RecordedEvent } from './rule';

const AT = new Date('2026-11-25T12:00:00Z');

function denial(details: RecordedEvent['details'], userId: string | null = 'u-support'): RecordedEvent {
  return { id: `e-${Math.random()}`, type: 'access.permission.denied', occurredAt: AT, ...(userId ? { userId, email: 'support@storefront.test' } : {}), details };
}

const history = (events: RecordedEvent[]): EventHistory => ({ recent: async () => events });

describe('PermissionDeniedRule', () => {
  const rule = new PermissionDeniedRule();

  it('raises a high alert when support is refused a payment permission, naming who, what and where', async () => {
    const event = denial({ permission: 'payments:pay:own', reason: 'missing_permission', roles: 'support', method: 'POST', route: '/payments/cards' });
    const [finding] = await rule.evaluate(event, history([event]));
    expect(finding).toMatchObject({ rule: 'access.permission_probe', severity: 'high', subjects: ['user:u-support'], eventIds: [event.id], responses: [] });
    expect(finding.summary).toBe('support@storefront.test (user:u-support), with roles support, was refused payments:pay:own on POST /payments/cards');
  });

  it('raises a medium alert for any other refused permission', async () => {
    const event = denial({ permission: 'keys:rotate', reason: 'missing_permission', roles: 'customer', method: 'POST', route: '/admin/signing-keys/rotate' });
    expect((await rule.evaluate(event, history([event])))[0].severity).toBe('medium');
  });

  it('stays quiet for a step-up refusal and for a refused service certificate (no user)', async () => {
    expect(await rule.evaluate(denial({ permission: 'orders:read:any', reason: 'step_up_required' }), history([]))).toEqual([]);
    expect(await rule.evaluate(denial({ clientIdentity: 'catalog', method: 'POST', route: '/internal/charges' }, null), history([]))).toEqual([]);
  });
});
