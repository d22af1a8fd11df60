import { SYSTEM_ACTOR, type Actor } from '../domain/actor.ts';
import { resolveConfig } from '../app/config.ts';
import { openTumen, type Tumen } from '../app/tumen.ts';
import { userInfo } from 'node:os';

/** The operator at this terminal. Accounts arrive with the security work; until then: the OS user. */
export function cliActor(): Actor {
  try {
    return { id: `cli:${userInfo().username}`, label: userInfo().username };
  } catch {
    return SYSTEM_ACTOR;
  }
}

export async function withTumen<T>(data: string | undefined, fn: (t: Tumen) => Promise<T>): Promise<T> {
  const tumen = await openTumen(resolveConfig({ data }));
  try {
    return await fn(tumen);
  } finally {
    await tumen.close();
  }
}

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
  isTTY: boolean;
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  isTTY: Boolean(process.stderr.isTTY),
};
