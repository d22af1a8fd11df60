import type { Command } from 'commander';
import { loadReferenceData } from '../../app/commands/demo-loader.ts';
import { cliActor, processOutput, withTumen } from '../context.ts';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a data folder with its database, and load the gazetteer and arrival series')
    .option('--data <dir>', 'data folder')
    .option('--no-reference', 'do not load reference data')
    .action(async (opts: { data?: string; reference: boolean }) => {
      await withTumen(opts.data, async (tumen) => {
        const ref = opts.reference ? await loadReferenceData(tumen, cliActor()) : { places: 0, figures: 0 };
        processOutput.out(`Tumen data folder ready: ${tumen.config.dataDir}`);
        processOutput.out(`database: ${tumen.store.dialect}; reference data loaded: ${ref.places} places, ${ref.figures} figures`);
      });
    });
}
