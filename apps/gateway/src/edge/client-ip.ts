import type { Request } from 'express';

/**
 * The client's address as the TCP socket saw it. Any X-Forwarded-For the
 * client sent is ignored: the gateway is the edge, so nothing in front of it
 * is trusted to vouch for an address.
 */
export function clientIp(req: Pick<Request, 'socket'>): string {
  const address = req.socket.remoteAddress ?? '0.0.0.0';
  // IPv4 clients on a dual-stack socket appear as ::ffff:a.b.c.d.
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
