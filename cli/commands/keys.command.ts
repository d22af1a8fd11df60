import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { rotateMasterKey } from '../../app/commands/key-rotator.ts';
import { encryptDatabase } from '../../app/commands/database-encryptor.ts';
import { resolveConfig } from '../../app/config.ts';
import { newKeyFileText, type MasterSecret } from '../../app/keys/unlock.ts';
import { cliActor, processOutput } from '../context.ts';
import { cliSecretSource, obtainSecret } from '../secrets.ts';

async function newSecret(newKeyFile: string | undefined): Promise<MasterSecret> {
  if (newKeyFile) {
    if (!existsSync(newKeyFile)) await writeFile(newKeyFile, newKeyFileText('Tumen master key. Whoever holds this file can read the data folder it unlocks.'), { mode: 0o600, flag: 'wx' });
    return { keyFile: await readFile(newKeyFile, 'utf8') };
  }
  const file = process.env.TUMEN_NEW_PASSPHRASE_FILE;
  return { passphrase: await obtainSecret({ file, envVar: 'TUMEN_NEW_PASSPHRASE_FILE', what: 'new passphrase', prompt: 'New Tumen passphrase (at least 12 characters): ', confirm: true }) };
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage the master key of a data folder');
  keys
    .command('rotate')
    .description('re-wrap every data key under a new master key (stop the server first); data is not re-encrypted')
    .option('--data <dir>', 'data folder')
    .option('--new-key-file <file>', 'rotate to this key file (created if missing) instead of a new passphrase (TUMEN_NEW_PASSPHRASE_FILE)')
    .action(async (opts: { data?: string; newKeyFile?: string }) => {
      const config = resolveConfig({ data: opts.data });
      const r = await rotateMasterKey(config, cliSecretSource(), await newSecret(opts.newKeyFile), { actor: cliActor() });
      processOutput.out(`master key rotated to ${r.keyId}: ${r.fields} protected-field keys and ${r.blobs} evidence-file keys re-wrapped; the old secret no longer opens ${config.dataDir}`);
      processOutput.out('Backups made before now still open with the old secret: destroy them or keep them as safe as that secret.');
    });
}

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('encrypt a data folder written before its database was encrypted (stop the server first); keeps an encrypted backup')
    .option('--data <dir>', 'data folder')
    .action(async (opts: { data?: string }) => {
      const config = resolveConfig({ data: opts.data });
      const r = await encryptDatabase(config, cliSecretSource());
      if (r.outcome === 'not_sqlite') processOutput.out('nothing to migrate: this folder has no embedded database (PostgreSQL: see docs/THREAT-MODEL.md)');
      else if (r.outcome === 'already_encrypted') processOutput.out(`${config.database} is already encrypted`);
      else {
        processOutput.out(`${config.database} is now encrypted; the plaintext file was overwritten and removed`);
        processOutput.out(`encrypted backup of the database as it was: ${r.backup} (delete it once "tumen verify" passes)`);
      }
    });
}
