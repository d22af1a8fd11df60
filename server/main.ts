import type { Tumen } from '../app/tumen.ts';
import { buildServer, type ServerOptions } from './app.ts';

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
  const app = await buildServer(tumen, { logger, ...rest });
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${actualPort}`, close: () => app.close() };
}
