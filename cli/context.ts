import { SYSTEM_ACTOR, type Actor } from '../domain/actor.ts';
import { resolveConfig, type TumenConfig } from '../app/config.ts';
import { unlockVault } from '../app/keys/unlock.ts';
import { openTumen, type Tumen } from '../app/tumen.ts';
import { userInfo } from 'node:os';
import { cliSecretSource } from './secrets.ts';

/** The operator at this terminal. Accounts arrive with the security work; until then: the OS user. */
export function cliActor(): Actor {
  try {
    return { id: `cli:${userInfo().username}`, label: userInfo().username };
  } catch {
    return SYSTEM_ACTOR;
  }
}

/**
 * The OS user as the operator of this installation: admin, write access to every compartment.
 * Whoever runs the CLI holds the data folder and its passphrase, so nothing here could be hidden
 * from them anyway; accounts and compartments restrict the HTTP API.
 */
export async function cliOperator(tumen: Tumen): Promise<Actor> {
  return tumen.store.accounts.compartments.operatorUnrestricted(cliActor());
}

/** Unlocks the data folder's vault (passphrase file, key file or prompt) and opens Tumen on it. */
export async function openCliTumen(config: TumenConfig): Promise<Tumen> {
  return openTumen(config, await unlockVault(config.dataDir, cliSecretSource()));
}

export async function withTumen<T>(data: string | undefined, fn: (t: Tumen) => Promise<T>): Promise<T> {
  const tumen = await openCliTumen(resolveConfig({ data }));
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
