import { TumenError } from '../domain/errors.ts';

/** A failure already explained to the user; `reported` means the details were printed. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly reported = false,
  ) {
    super(message);
  }
}

/** One readable line for stderr, whatever went wrong. */
export function errorLine(err: unknown): string {
  if (err instanceof CliFailure || err instanceof TumenError) return `tumen: ${err.message}`;
  const e = err as NodeJS.ErrnoException & { code?: string };
  if (e?.code === 'ECONNREFUSED') return `tumen: cannot reach the database (${e.message})`;
  if (e?.code === 'commander.unknownOption' || e?.code === 'commander.missingArgument') return `tumen: ${e.message.replace(/^error: /, '')}`;
  return `tumen: ${e?.message ?? String(err)}`;
}
