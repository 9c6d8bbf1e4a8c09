// A TCP relay on loopback in front of PostgreSQL, for the tests and fault scripts that take the
// database away and bring it back (src/db/connection-loss.test.ts, scripts/fault-database.ts).
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay on loopback in front of PostgreSQL: `cut()` ends every connection through it and
 * refuses new ones (the database "goes away"), `restore()` listens again on the same port.
 */
export function databaseRelay(target: URL) {
  const sockets = new Set<Socket>();
  let port = 0;
  let server: Server | null = null;
  const listen = async () => {
    const s = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', resolve));
    port = (s.address() as AddressInfo).port;
    server = s;
  };
  return {
    /** Starts the relay; returns the database URL through it. */
    async start(): Promise<string> {
      await listen();
      const via = new URL(target);
      via.hostname = '127.0.0.1';
      via.port = String(port);
      return via.toString();
    },
    async cut(): Promise<void> {
      const s = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    restore: listen,
  };
}
