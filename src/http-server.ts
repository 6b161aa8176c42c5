// The HTTP server around the app. It listens before the database is opened, so a port already in
// use stops start-up at once (exit 2, src/lifecycle.ts); until the app is ready it answers
// /healthz (alive) and 503 to everything else. On shutdown it stops accepting connections, answers
// every request already in hand (telling keep-alive clients to close), and then lets go.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { AppError, problem } from './errors.js';

type Fetch = (request: Request) => Response | Promise<Response>;

/** Listening failed for a reason the operator must fix (a port in use, a privileged port). */
export class ListenError extends Error {}

export interface HttpServer {
  port: number;
  /** Starts answering with the app. */
  serve(fetch: Fetch): void;
  /** Stops accepting and waits until every request in hand is answered, or `deadline` (epoch ms); true when all were. */
  drain(deadline: number): Promise<boolean>;
  inFlight(): number;
  /** Cuts every connection still open (the bound was reached). */
  closeAll(): void;
}

const starting: Fetch = (request) => (new URL(request.url).pathname === '/healthz'
  ? Response.json({ status: 'starting' })
  : Response.json(problem(new AppError('service_unavailable', 'Intake is starting; try again shortly.')), {
    status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '5' },
  }));

export async function listen(port: number, host: string): Promise<HttpServer> {
  let fetch = starting;
  const server = createAdaptorServer({ fetch: (request: Request) => fetch(request) }) as Server;
  const active = new Set<ServerResponse>();
  let draining = false;
  let settled: (() => void) | null = null;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    active.add(res);
    if (draining) res.shouldKeepAlive = false; // answered, then the connection closes
    res.once('close', () => {
      active.delete(res);
      if (draining && active.size === 0) settled?.();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new ListenError(`Port ${port} on ${host} is already in use: another Intake or another program is listening there. Stop it, or set PORT to a free port.`));
      else if (error.code === 'EACCES') reject(new ListenError(`Not allowed to listen on port ${port} on ${host} (ports below 1024 need privileges): set PORT to 1024 or above, behind a reverse proxy.`));
      else if (error.code === 'EADDRNOTAVAIL') reject(new ListenError(`HOST ${host} is not an address of this machine: set HOST to one of its addresses, or 0.0.0.0.`));
      else reject(error);
    });
    server.listen(port, host, resolve);
  });

  return {
    port: (server.address() as AddressInfo).port,
    serve(app) { fetch = app; },
    inFlight: () => active.size,
    async drain(deadline) {
      draining = true;
      for (const res of active) if (!res.headersSent) res.shouldKeepAlive = false;
      server.close(); // no new connections; idle keep-alive ones close now
      if (active.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          settled = resolve;
          timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        });
        clearTimeout(timer);
      }
      server.closeIdleConnections();
      return active.size === 0;
    },
    closeAll() { server.closeAllConnections(); },
  };
}
