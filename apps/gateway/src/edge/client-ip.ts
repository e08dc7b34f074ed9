import type { Request } from 'express';
import ipaddr from 'ipaddr.js';

/**
 * The client's address. With no trusted proxies configured (the default:
 * the gateway is the edge) it is the TCP peer and any X-Forwarded-For is
 * ignored. Behind configured proxies express walks X-Forwarded-For from the
 * right, skipping trusted hops (see `trustProxySetting`), so `req.ip` is
 * the first address no trusted proxy vouches for: a spoofed header buys an
 * attacker nothing, because the hop that would have to vouch for it is the
 * attacker itself.
 */
export function clientIp(req: Pick<Request, 'ip' | 'socket'>): string {
  const address = req.ip ?? req.socket.remoteAddress ?? '0.0.0.0';
  // IPv4 clients on a dual-stack socket appear as ::ffff:a.b.c.d.
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * TRUSTED_PROXIES as express's `trust proxy` setting: a list of addresses
 * and CIDR ranges, or false (trust nobody) when empty. A number ("trust n
 * hops") is deliberately not offered: it trusts whatever the client wrote.
 */
export function trustProxySetting(trustedProxies: readonly string[]): string[] | false {
  return trustedProxies.length > 0 ? [...trustedProxies] : false;
}

/** Whether one TRUSTED_PROXIES entry is an IP address or a CIDR range (IPv4 or IPv6). */
export function isAddressOrRange(entry: string): boolean {
  if (entry.includes('/')) {
    try {
      ipaddr.parseCIDR(entry);
      return true;
    } catch {
      return false;
    }
  }
  return ipaddr.isValid(entry);
}
