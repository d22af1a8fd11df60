import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportSubmission } from '../../app/intake/export.ts';
import { IntakeService } from '../../app/intake/intake-service.ts';
import { addIntakeKey } from '../../app/intake/recipients.ts';
import { IntakeFiles } from '../../store/intake-files.ts';
import { CliFailure } from '../errors.ts';
import { cliActor, processOutput, withTumen } from '../context.ts';

/** `tumen intake …`: recipients, the list of submissions, export and replies. */
export function registerIntake(program: Command): void {
  const intake = program.command('intake').description('secure intake: recipients, submissions, export, replies');
  const key = intake.command('key').description('staff and escrow recipients of the intake');
  key
    .command('add')
    .description('create a recipient and write its age identity file (0600); staff keys are post-quantum hybrid unless --x25519')
    .requiredOption('--name <name>', 'who holds it')
    .requiredOption('--out <file>', 'identity file to write (must not exist)')
    .option('--escrow', 'the offline escrow recipient (always X25519: Debian age 1.1 opens it)')
    .option('--x25519', 'a plain X25519 staff key instead of the hybrid ML-KEM-768 + X25519 one')
    .option('--data <dir>', 'data folder')
    .action(async (opts: { name: string; out: string; escrow?: boolean; x25519?: boolean; data?: string }) => {
      if (existsSync(opts.out)) throw new CliFailure(`${opts.out} exists already: choose a new file, an identity is never overwritten`);
      const made = await withTumen(opts.data, (t) => addIntakeKey(t.store, { name: opts.name, kind: opts.escrow ? 'escrow' : 'staff', x25519: Boolean(opts.x25519) }, cliActor()));
      await writeFile(opts.out, made.identityFile, { mode: 0o600, flag: 'wx' });
      processOutput.out(`${opts.escrow ? 'escrow' : 'staff'} recipient ${made.recipient.slice(0, 24)}… added; identity written to ${opts.out}${opts.escrow ? ' (move it offline now)' : ''}`);
    });
  key
    .command('list')
    .description('list intake recipients (public keys only)')
    .option('--data <dir>', 'data folder')
    .option('--json', 'print JSON')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const rows = await withTumen(opts.data, (t) => t.store.intake.recipients());
      const out = rows.map((r) => ({ name: r.name, kind: r.kind, recipient: r.recipient, created: r.created_at.slice(0, 10) }));
      if (opts.json) return processOutput.out(JSON.stringify(out, null, 2));
      for (const r of out) processOutput.out(`${r.kind.padEnd(6)}  ${r.name}  ${r.recipient.slice(0, 40)}…`);
    });

  intake
    .command('list')
    .description('list received submissions: id, day, ciphertext size, files, replies (no address, no exact time)')
    .option('--data <dir>', 'data folder')
    .option('--json', 'print JSON (one array)')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const rows = await withTumen(opts.data, (t) => t.store.intake.list());
      if (opts.json) return processOutput.out(JSON.stringify(rows, null, 2));
      for (const r of rows) processOutput.out(`${r.id}  ${r.day}  ${String(r.size).padStart(12)} B  ${r.files} file(s)  ${r.replies} repl(ies)${r.weaker ? '  [no-JS form]' : ''}`);
      processOutput.out(`${rows.length} submissions`);
    });

  intake
    .command('export')
    .description('write a submission exactly as stored, one .age file per object (open with age -d -i IDENTITY)')
    .argument('<id>', 'submission id')
    .requiredOption('--out <dir>', 'folder to write to')
    .option('--data <dir>', 'data folder')
    .action(async (id: string, opts: { out: string; data?: string }) => {
      const names = await withTumen(opts.data, (t) => exportSubmission(t.store, new IntakeFiles(join(t.config.dataDir, 'intake')), id, opts.out));
      processOutput.out(`${names.length} encrypted objects written to ${opts.out}: ${names.join(', ')}`);
    });

  intake
    .command('reply')
    .description("reply to a submission's sender (encrypted to the reply key derived from their receipt)")
    .argument('<id>', 'submission id')
    .requiredOption('--message-file <file>', 'UTF-8 text of the reply')
    .option('--data <dir>', 'data folder')
    .action(async (id: string, opts: { messageFile: string; data?: string }) => {
      const text = await readFile(opts.messageFile, 'utf8');
      const r = await withTumen(opts.data, (t) => new IntakeService(t).reply(id, text));
      processOutput.out(`reply ${r.id} stored; the sender reads it with their receipt`);
    });
}
