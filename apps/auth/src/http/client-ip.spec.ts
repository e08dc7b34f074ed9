import { describe, expect, it } from 'vitest';
import { clientIpFrom } from './client-ip';

describe('clientIpFrom', () => {
  it('reads the address the gateway wrote', () => {
    expect(clientIpFrom('203.0.113.7')).toBe('203.0.113.7');
    expect(clientIpFrom('2001:db8::1')).toBe('2001:db8::1');
  });

  it('ignores entries a client prepended to forge its address', () => {
    expect(clientIpFrom('10.0.0.1, 198.51.100.4')).toBe('198.51.100.4');
    expect(clientIpFrom(['1.2.3.4', '198.51.100.4'])).toBe('198.51.100.4');
  });

  it('yields nothing for a missing or malformed header', () => {
    for (const header of [undefined, '', 'not-an-ip', '1.2.3.4, <script>']) expect(clientIpFrom(header)).toBeUndefined();
  });
});
