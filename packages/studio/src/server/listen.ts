import type { AddressInfo } from 'node:net';

/** A listening server: its port, and how to stop it. */
export interface Listening {
  readonly port: number;
  close(): Promise<void>;
}

type Fetch = (request: Request) => Response | Promise<Response>;

interface DenoServer {
  addr: { port: number };
  shutdown(): Promise<void>;
}
interface BunServer {
  port: number;
  stop(closeActive?: boolean): void | Promise<void>;
}
interface Runtimes {
  Deno?: { serve(options: Record<string, unknown>, handler: Fetch): DenoServer };
  Bun?: { serve(options: Record<string, unknown>): BunServer };
}

/**
 * Serves `fetch` on 127.0.0.1 only, with the runtime's own server: `Deno.serve`, `Bun.serve`,
 * or Node's http through `@hono/node-server` (loaded only on Node).
 */
export async function listen(fetch: Fetch, port: number): Promise<Listening> {
  const runtime = globalThis as Runtimes;
  const hostname = '127.0.0.1';
  if (runtime.Deno) {
    // The socket is bound when serve() returns; onListen only silences Deno's own log line.
    const server = runtime.Deno.serve({ port, hostname, onListen: () => {} }, fetch);
    return { port: server.addr.port, close: () => server.shutdown() };
  }
  if (runtime.Bun) {
    const server = runtime.Bun.serve({ port, hostname, fetch, idleTimeout: 0 });
    return { port: server.port, close: async () => void (await server.stop(true)) };
  }
  const { serve } = await import('@hono/node-server');
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch, port, hostname }, () => resolve(started));
    started.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open event streams and keep-alive sockets would hold close() forever.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
