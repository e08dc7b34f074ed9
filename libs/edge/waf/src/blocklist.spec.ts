import { describe, expect, it } from 'vitest';
import { createBlocklist, InvalidBlocklistEntryError } from './blocklist';

describe('createBlocklist', () => {
  const list = createBlocklist({ ips: ['203.0.113.7', '198.51.100.0/24', '10.0.0.0/8', '2001:db8::/32', '::ffff:192.0.2.1', '2001:db8:abcd::1/128'], userAgents: ['BadBot', 'sqlmap'] });

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['198.51.100.200', '198.51.100.0/24'],
    ['10.255.0.1', '10.0.0.0/8'],
    ['::ffff:198.51.100.9', '198.51.100.0/24'],
    ['::ffff:c633:6409', '198.51.100.0/24'],
    ['192.0.2.1', '::ffff:192.0.2.1'],
    ['2001:db8:abcd::1', '2001:db8:abcd::1/128'],
    ['2001:0db8:0000:0000:0000:0000:0000:0042', '2001:db8::/32'],
    ['[2001:db8::1]', '2001:db8::/32'],
  ])('matches %s by %s', (ip, entry) => {
    expect(list.matchIp(ip)).toBe(entry);
  });

  it.each(['203.0.113.8', '198.51.101.1', '11.0.0.1', '2001:db9::1', '::1', 'not-an-ip', '', '1.2.3.4/8', '256.1.1.1'])('does not match %j', (ip) => {
    expect(list.matchIp(ip)).toBeUndefined();
  });

  it('matches user agents case-insensitively by substring, and defaults to known scanners', () => {
    expect(list.matchUserAgent('Mozilla/5.0 BADBOT/2')).toBe('badbot');
    expect(list.matchUserAgent('Mozilla/5.0 Chrome/131')).toBeUndefined();
    expect(list.matchUserAgent(undefined)).toBeUndefined();
    expect(createBlocklist({}).matchUserAgent('Mozilla/5.00 (Nikto/2.1.6)')).toBe('nikto');
  });

  it('rejects a list with bad entries, naming each of them', () => {
    expect(() => createBlocklist({ ips: ['10.0.0.0/33', '1.2.3', 'fe80::/129', '8.8.8.8'] })).toThrow(InvalidBlocklistEntryError);
    expect(() => createBlocklist({ ips: ['10.0.0.0/33', '1.2.3'] })).toThrow('10.0.0.0/33, 1.2.3');
  });

  it('a /0 matches everything of its family space', () => {
    expect(createBlocklist({ ips: ['::/0'] }).matchIp('8.8.8.8')).toBe('::/0');
  });
});
