import type { Tumen } from '../app/tumen.ts';
import { buildServer, type ServerOptions } from './app.ts';

const CLOSE_GRACE_MS = 2_000;

export interface StartOptions extends ServerOptions {
  host?: string;
  port?: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on loopback by default; closing stops the server, not the Tumen it serves. */
export async function startServer(tumen: Tumen, opts: StartOptions = {}): Promise<RunningServer> {
  const { host = '127.0.0.1', port = 7300, logger = true, ...rest } = opts;
  // A session cookie without Secure would travel in clear text to anyone on the path.
  if (rest.cookieSecure === false && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new Error('cookieSecure: false is for plain-HTTP loopback only');
  }
  const app = await buildServer(tumen, { logger, ...rest });
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const close = async () => {
    const closing = app.close();
    // Idle keep-alive sockets close at once, but a socket a browser opened ahead of time and
    // never used counts as busy and would hold the process for the whole keep-alive timeout.
    const force = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
    force.unref();
    await closing;
    clearTimeout(force);
  };
  return { url: `http://${urlHost}:${actualPort}`, close };
}
