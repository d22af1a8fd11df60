import { Command, CommanderError } from 'commander';
import { errorLine } from '../errors.ts';
import { registerExtract } from './extract.command.ts';

/**
 * Entry point for `tumen extract` alone (bin/tumen.mjs picks it for that command): the full CLI
 * loads the store, server and crypto stacks, which a one-file extraction does not need. Same
 * output and exit codes as cli/main.ts.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('tumen').exitOverride().configureOutput({ writeErr: () => undefined });
  registerExtract(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0 || err.code === 'commander.helpDisplayed') return 0;
      process.stderr.write(`tumen: ${err.message.replace(/^error: /, '')}\n`);
      return 2;
    }
    process.stderr.write(`${errorLine(err)}\n`);
    return 1;
  }
}
