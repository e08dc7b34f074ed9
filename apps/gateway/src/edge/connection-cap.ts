import type { Server } from 'node:net';

/**
 * Caps the open connections one client address may hold. A socket flood
 * from one source (or a slow-loris holding sockets open) is cut off at
 * accept, before TLS, so it cannot exhaust the gateway's file descriptors
 * for everyone else. Counted per TCP peer: behind a load balancer that is
 * the balancer, which then needs its own cap.
 */
export function capConnectionsPerAddress(server: Server, maxPerAddress: number, onRefused: (address: string) => void): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > maxPerAddress) {
      onRefused(address);
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
