import { Command, CommanderError } from 'commander';
import { registerReport } from './commands/report.command.ts';
import { registerAppeal } from './commands/appeal.command.ts';
import { registerCases } from './commands/cases.command.ts';
import { registerExport } from './commands/export.command.ts';
import { registerExtract } from './commands/extract.command.ts';
import { registerImport } from './commands/import.command.ts';
import { registerReview } from './commands/review.command.ts';
import { registerSearch } from './commands/search.command.ts';
import { registerInit } from './commands/init.command.ts';
import { registerServe } from './commands/serve.command.ts';
import { registerSources } from './commands/sources.command.ts';
import { registerBackup } from './commands/backup.command.ts';
import { registerKeys, registerMigrate } from './commands/keys.command.ts';
import { registerLog } from './commands/log.command.ts';
import { registerUser } from './commands/user.command.ts';
import { registerIntake } from './commands/intake.command.ts';
import { CliFailure, errorLine } from './errors.ts';
import { setKeyOptions, type KeyOptions } from './secrets.ts';

/** Every command that opens a data folder can be told where its secret is (never the secret itself). */
function addKeyOptions(cmd: Command): void {
  for (const sub of cmd.commands) addKeyOptions(sub);
  if (!cmd.options.some((o) => o.long === '--data')) return;
  cmd
    .option('--passphrase-file <file>', 'read the passphrase from this file (or set TUMEN_PASSPHRASE_FILE)')
    .option('--key-file <file>', 'unlock with this key file instead of a passphrase (or set TUMEN_KEY_FILE)');
}

export function buildProgram(): Command {
  const program = new Command('tumen')
    .description('Tumen: evidence, records and reports on the North Korea–China border')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
  for (const register of [registerInit, registerImport, registerSources, registerExport, registerServe, registerExtract, registerReview, registerSearch, registerKeys, registerMigrate, registerLog, registerBackup, registerUser, registerIntake, registerCases, registerAppeal, registerReport]) {
    register(program);
  }
  addKeyOptions(program);
  program.hook('preAction', (_program, action) => setKeyOptions(action.opts<KeyOptions>()));
  return program;
}

/** Runs the CLI; returns the exit code. Every failure is one readable line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return 0;
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      process.stderr.write(`tumen: ${err.message.replace(/^error: /, '')}\n`);
      return 2;
    }
    if (!(err instanceof CliFailure && err.reported && !err.message)) process.stderr.write(`${errorLine(err)}\n`);
    return 1;
  }
}
