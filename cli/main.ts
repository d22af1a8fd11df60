import { Command, CommanderError } from 'commander';
import { registerExport } from './commands/export.command.ts';
import { registerExtract } from './commands/extract.command.ts';
import { registerImport } from './commands/import.command.ts';
import { registerReview } from './commands/review.command.ts';
import { registerInit } from './commands/init.command.ts';
import { registerServe } from './commands/serve.command.ts';
import { registerSources } from './commands/sources.command.ts';
import { CliFailure, errorLine } from './errors.ts';

export function buildProgram(): Command {
  const program = new Command('tumen')
    .description('Tumen: evidence, records and reports on the North Korea–China border')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
  for (const register of [registerInit, registerImport, registerSources, registerExport, registerServe, registerExtract, registerReview]) {
    register(program);
  }
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
