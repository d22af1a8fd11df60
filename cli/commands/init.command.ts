import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { loadDemo, loadReferenceData } from '../../app/commands/demo-loader.ts';
import { resolveConfig } from '../../app/config.ts';
import { keysPath } from '../../app/keys/keys-file.ts';
import { hasUnencryptedData } from '../../app/keys/setup.ts';
import { initVault, newKeyFileText, unlockVault, type MasterSecret } from '../../app/keys/unlock.ts';
import { openTumen } from '../../app/tumen.ts';
import { cliActor, processOutput } from '../context.ts';
import { CliFailure } from '../errors.ts';
import { cliSecretSource, currentKeyOptions, obtainSecret } from '../secrets.ts';

/** A key file named for init is created when it does not exist yet (random 256-bit key, mode 0600). */
async function firstSecret(): Promise<MasterSecret> {
  const { keyFile, passphraseFile } = currentKeyOptions();
  const keyPath = keyFile ?? process.env.TUMEN_KEY_FILE;
  if (keyPath) {
    if (!existsSync(keyPath)) await writeFile(keyPath, newKeyFileText('Tumen master key. Whoever holds this file can read the data folder it unlocks.'), { mode: 0o600, flag: 'wx' });
    return { keyFile: await readFile(keyPath, 'utf8') };
  }
  const file = passphraseFile ?? process.env.TUMEN_PASSPHRASE_FILE;
  return { passphrase: await obtainSecret({ file, envVar: 'TUMEN_PASSPHRASE_FILE', flag: '--passphrase-file', what: 'passphrase', prompt: 'New Tumen passphrase (at least 12 characters): ', confirm: true }) };
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a data folder: its keys (from a passphrase or key file), database and reference data')
    .option('--data <dir>', 'data folder')
    .option('--no-reference', 'do not load reference data')
    .option('--demo', 'also load the sample reports and the demo cases (what `npm start` serves)')
    .action(async (opts: { data?: string; reference: boolean; demo?: boolean }) => {
      const config = resolveConfig({ data: opts.data, create: true });
      const fresh = !existsSync(keysPath(config.dataDir));
      if (fresh && (await hasUnencryptedData(config))) {
        throw new CliFailure(`${config.database} was written without encryption: export it with the Tumen that wrote it and import the export into a new folder`);
      }
      const vault = fresh ? await initVault(config.dataDir, await firstSecret()) : await unlockVault(config.dataDir, cliSecretSource());
      const tumen = await openTumen(config, vault);
      try {
        const demo = opts.demo ? await loadDemo(tumen, cliActor()) : null;
        const ref = demo ?? (opts.reference ? await loadReferenceData(tumen, cliActor()) : { places: 0, figures: 0 });
        processOutput.out(`Tumen data folder ${fresh ? 'ready' : 'already set up'}: ${tumen.config.dataDir}`);
        processOutput.out(`database: ${tumen.store.dialect}; reference data loaded: ${ref.places} places, ${ref.figures} figures`);
        if (demo) processOutput.out(`demo: ${demo.imports.filter((r) => r.status === 'imported').length} sample reports imported, ${demo.cases} demo cases created`);
        if (fresh) processOutput.out(`keys: ${keysPath(config.dataDir)} (log origin ${vault.origin}); without the ${vault.file.master.kind === 'keyfile' ? 'key file' : 'passphrase'} the data cannot be read`);
      } finally {
        await tumen.close();
      }
    });
}
