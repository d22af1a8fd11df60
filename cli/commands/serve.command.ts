import type { Command } from 'commander';
import { DEMO_DATA_DIR, loadDemo } from '../../app/commands/demo-loader.ts';
import { resolveConfig } from '../../app/config.ts';
import { openTumen } from '../../app/tumen.ts';
import { cliActor, processOutput } from '../context.ts';
import { CliFailure } from '../errors.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API and web app (on 127.0.0.1 unless --host says otherwise)')
    .option('--data <dir>', 'data folder')
    .option('--port <n>', 'port', '7300')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--demo', 'load the reference data and the sample reports first (into ./.tumen/demo unless --data is given)')
    .action(async (opts: { data?: string; port: string; host: string; demo?: boolean }) => {
      const port = Number(opts.port);
      // With no accounts yet, anything beyond loopback would publish testimony to the network.
      if (!LOOPBACK.has(opts.host)) throw new CliFailure(`refusing to bind ${opts.host}: until accounts exist Tumen serves on loopback only (127.0.0.1, ::1)`);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliFailure(`--port must be a number from 0 to 65535, not "${opts.port}"`);
      const data = opts.data ?? (opts.demo ? DEMO_DATA_DIR : undefined);
      const tumen = await openTumen(resolveConfig({ data }));
      if (opts.demo) {
        const demo = await loadDemo(tumen, cliActor());
        const imported = demo.imports.filter((r) => r.status === 'imported').length;
        processOutput.out(`demo data: ${demo.places} places and ${demo.figures} figures loaded, ${imported} sample reports imported (${demo.imports.length - imported} already present)`);
      }
      // Loaded on demand: the other commands start faster without Fastify.
      const { startServer } = await import('../../server/main.ts');
      const server = await startServer(tumen, { host: opts.host, port });
      processOutput.out(`Tumen is running on ${tumen.store.dialect} with data in ${tumen.config.dataDir}`);
      processOutput.out(`HTTP API: ${server.url}/api   (OpenAPI: ${server.url}/api/openapi.json)`);
      processOutput.out('Local only: there are no accounts yet, so the server accepts connections from this machine only.');
      await new Promise<void>((resolveStop) => {
        const stop = () => resolveStop();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await tumen.close();
    });
}
