import type { Command } from 'commander';
import { DEMO_DATA_DIR, loadDemo } from '../../app/commands/demo-loader.ts';
import { startCheckpointSchedule } from '../../app/commands/checkpointer.ts';
import { resolveConfig } from '../../app/config.ts';
import { demoVault } from '../../app/keys/setup.ts';
import { openTumen } from '../../app/tumen.ts';
import { cliActor, openCliTumen, processOutput } from '../context.ts';
import { CliFailure } from '../errors.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
/** How often a running server signs a checkpoint of the audit log (when it grew); TUMEN_CHECKPOINT_MINUTES overrides. */
const CHECKPOINT_MINUTES = 60;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API and web app (on 127.0.0.1 unless --host says otherwise)')
    .option('--data <dir>', 'data folder')
    .option('--port <n>', 'port', '7300')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--demo', 'load the reference data and the sample reports first (into ./.tumen/demo unless --data is given)')
    .option('--insecure-cookies', 'session cookie without Secure, for plain HTTP on loopback only (no TLS in front)')
    .action(async (opts: { data?: string; port: string; host: string; demo?: boolean; insecureCookies?: boolean }) => {
      const port = Number(opts.port);
      const loopback = LOOPBACK.has(opts.host);
      if (opts.insecureCookies && !loopback) throw new CliFailure('--insecure-cookies is for loopback only: beyond this machine, serve behind TLS');
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliFailure(`--port must be a number from 0 to 65535, not "${opts.port}"`);
      const data = opts.data ?? (opts.demo ? DEMO_DATA_DIR : undefined);
      const config = resolveConfig({ data, create: Boolean(opts.demo) });
      const demo = opts.demo ? await demoVault(config, { resetUnencrypted: opts.data === undefined }) : null;
      if (demo) processOutput.err(`!!! ${demo.note}`);
      const tumen = demo ? await openTumen(config, demo.vault) : await openCliTumen(config);
      // With no accounts yet, anything beyond loopback would publish testimony to the network.
      const accounts = await tumen.store.accounts.users.any();
      if (!loopback && !accounts) {
        await tumen.close();
        throw new CliFailure(`refusing to bind ${opts.host}: until accounts exist Tumen serves on loopback only (127.0.0.1, ::1); create one with \`tumen user add\``);
      }
      if (opts.demo) {
        const demo = await loadDemo(tumen, cliActor());
        const imported = demo.imports.filter((r) => r.status === 'imported').length;
        processOutput.out(`demo data: ${demo.places} places and ${demo.figures} figures loaded, ${imported} sample reports imported (${demo.imports.length - imported} already present), ${demo.cases} demo cases created`);
      }
      // Loaded on demand: the other commands start faster without Fastify.
      const { startServer } = await import('../../server/main.ts');
      const server = await startServer(tumen, { host: opts.host, port, cookieSecure: !opts.insecureCookies });
      const minutes = Number(process.env.TUMEN_CHECKPOINT_MINUTES ?? CHECKPOINT_MINUTES);
      const checkpoints = startCheckpointSchedule(tumen, Math.max(0.05, minutes) * 60_000, (err) =>
        processOutput.err(`tumen: checkpoint failed: ${err instanceof Error ? err.message : String(err)}`),
      );
      // Listening for a stop before saying we run: a supervisor may signal as soon as it reads that line.
      const stopped = new Promise<void>((resolveStop) => {
        process.once('SIGINT', () => resolveStop());
        process.once('SIGTERM', () => resolveStop());
      });
      processOutput.out(`Tumen is running on ${tumen.store.dialect} with data in ${tumen.config.dataDir}`);
      processOutput.out(`HTTP API: ${server.url}/api   (OpenAPI: ${server.url}/api/openapi.json)`);
      processOutput.out(
        accounts
          ? 'Accounts exist: every API request needs a session or an API token.'
          : 'Local only: there are no accounts yet, so the server accepts connections from this machine only.',
      );
      await stopped;
      await server.close();
      await checkpoints.stop();
      await tumen.close();
    });
}
