import { describe, expect, it } from 'vitest';
import { parseSecurityEvent, scrubSecurityEvent, SecurityEventPublisher, type SecurityEvent, type SecurityEventSink } from './index';

const validEvent = (): SecurityEvent => ({
  schema: 1,
  id: '6f1c2b7e-3d4a-4c5b-9e8f-0a1b2c3d4e5f',
  type: 'auth.login.failed',
  service: 'auth',
  occurredAt: '2025-01-02T03:04:05.678Z',
  actor: { email: 'ann@example.com' },
  source: { ip: '203.0.113.7', userAgent: 'curl/8' },
  outcome: 'failure',
  details: { reason: 'bad password', attempt: 3, locked: false },
});

class CapturingSink implements SecurityEventSink {
  readonly delivered: SecurityEvent[] = [];
  async deliver(event: SecurityEvent) {
    this.delivered.push(event);
  }
}

describe('parseSecurityEvent', () => {
  it('accepts a schema-1 event with flat details', () => {
    expect(parseSecurityEvent(validEvent())).toMatchObject({ ok: true });
  });

  it.each([
    ['an unknown type', { type: 'auth.login.maybe' }],
    ['an unknown schema version', { schema: 2 }],
    ['a non-UUID id', { id: '42' }],
    ['a non-ISO time', { occurredAt: 'yesterday' }],
    ['nested details', { details: { request: { body: 'x' } } }],
    ['array details', { details: ['a'] }],
    ['an over-long detail string', { details: { note: 'x'.repeat(513) } }],
    ['an unknown top-level field', { password: 'hunter2' }],
    ['a bad source ip', { source: { ip: 'not-an-ip' } }],
    ['a missing actor', { actor: undefined }],
  ])('refuses %s', (_label, patch) => {
    expect(parseSecurityEvent({ ...validEvent(), ...patch })).toMatchObject({ ok: false });
  });
});

describe('scrubSecurityEvent', () => {
  it('replaces card numbers in details, user agent and email with [PAN] and keeps other values', () => {
    const event = { ...validEvent(), source: { userAgent: 'ua 4242424242424242' }, details: { note: 'card 4242 4242 4242 4242 used', count: 4242424242424242 } };
    const scrubbed = scrubSecurityEvent(event);
    expect(scrubbed.details.note).toBe('card [PAN] used');
    expect(scrubbed.source.userAgent).toBe('ua [PAN]');
    expect(scrubbed.details.count).toBe(4242424242424242);
  });
});

describe('SecurityEventPublisher', () => {
  const fixedNow = () => new Date('2025-05-06T07:08:09.000Z');
  const fixedId = () => '0b7d0a52-8a53-4c43-b3c5-1f0e1f8a2a11';

  it('fills schema, id, time and service, scrubs PANs and hands the event to the sink', async () => {
    const sink = new CapturingSink();
    const ok = await new SecurityEventPublisher(sink, 'gateway', fixedNow, fixedId).publish({
      type: 'edge.token.refused',
      outcome: 'blocked',
      details: { path: '/api/cart?pan=4000000000000002' },
    });
    expect(ok).toBe(true);
    expect(sink.delivered).toEqual([
      {
        schema: 1,
        id: fixedId(),
        type: 'edge.token.refused',
        service: 'gateway',
        occurredAt: '2025-05-06T07:08:09.000Z',
        actor: {},
        source: {},
        outcome: 'blocked',
        details: { path: '/api/cart?pan=[PAN]' },
      },
    ]);
  });

  it('drops an invalid event without throwing', async () => {
    const sink = new CapturingSink();
    const ok = await new SecurityEventPublisher(sink, 'gateway').publish({ type: 'not.a.type' as never, outcome: 'failure' });
    expect(ok).toBe(false);
    expect(sink.delivered).toHaveLength(0);
  });

  it('never throws into the caller when the sink fails', async () => {
    const failing: SecurityEventSink = { deliver: () => Promise.reject(new Error('redis down')) };
    await expect(new SecurityEventPublisher(failing, 'auth').publish({ type: 'auth.login.failed', outcome: 'failure' })).resolves.toBe(false);
  });
});
