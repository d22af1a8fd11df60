import type { Command } from 'commander';
import { restoreBackup } from '../../app/backup/backup-restorer.ts';
import { writeBackup } from '../../app/backup/backup-writer.ts';
import { cliActor, processOutput, withTumen } from '../context.ts';
import { cliSecretSource, obtainSecret } from '../secrets.ts';
import { unlockVault } from '../../app/keys/unlock.ts';

const backupPassphrase = (confirm: boolean) =>
  obtainSecret({ file: process.env.TUMEN_BACKUP_PASSPHRASE_FILE, envVar: 'TUMEN_BACKUP_PASSPHRASE_FILE', what: 'backup passphrase', prompt: 'Backup passphrase: ', confirm });

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write one encrypted archive of the data folder (database, keys.json, evidence files); safe while serving')
    .option('--data <dir>', 'data folder')
    .requiredOption('--out <file>', 'archive to write')
    .action(async (opts: { data?: string; out: string }) => {
      const passphrase = await backupPassphrase(true);
      const r = await withTumen(opts.data, (tumen) => writeBackup(tumen, opts.out, passphrase, { actor: cliActor() }));
      processOutput.out(`backup written to ${opts.out}: ${r.files} entries, ${r.bytes} bytes, encrypted under the backup passphrase`);
    });

  program
    .command('restore')
    .description('restore an archive into a new, empty data folder (PostgreSQL: an empty TUMEN_DATABASE_URL)')
    .argument('<file>', 'archive written by tumen backup')
    .requiredOption('--data <dir>', 'new data folder')
    .action(async (file: string, opts: { data: string }) => {
      const passphrase = await backupPassphrase(false);
      // Only a restore across database kinds opens the database, and only then asks for the master secret.
      const databaseKey = async (staged: string) => (await unlockVault(staged, cliSecretSource())).databaseKey;
      const r = await restoreBackup(file, { dataDir: opts.data, databaseUrl: process.env.TUMEN_DATABASE_URL || null, databaseKey }, passphrase);
      processOutput.out(`restored ${r.files} entries (from ${r.dialect}) into ${opts.data}; check it with: tumen verify --data ${opts.data}`);
    });
}
