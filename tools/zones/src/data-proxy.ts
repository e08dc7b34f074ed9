import net from 'node:net';

export interface Proxy {
  close: () => Promise<void>;
}

/**
 * A TCP relay from a zone-facing host address to a service on the host's
 * loopback (PostgreSQL and Redis listen on 127.0.0.1 only). The host keeps
 * its databases private; a zone reaches exactly the ports it is relayed.
 */
export function startProxy(listen: { host: string; port: number }, target: { host: string; port: number }): Promise<Proxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(new Error(`cannot relay ${listen.host}:${listen.port} to ${target.host}:${target.port}: ${error.message}`)));
    server.listen(listen.port, listen.host, () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
