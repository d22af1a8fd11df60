import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSubmission } from '../app/intake/export.ts';
import { IntakeService } from '../app/intake/intake-service.ts';
import { addIntakeKey } from '../app/intake/recipients.ts';
import { startTestServer } from '../server/test-server.ts';
import { operator } from '../test/keys.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../web/e2e/helpers.ts';
import { ensureIntakeBuilt, sendThroughPage } from '../web/e2e/intake-helpers.ts';
import { machineLine, mib } from './machine.ts';
import { chromium } from 'playwright-core';

/**
 * A file of `sizeMiB` through the real intake page: Chromium encrypts it (age, staff hybrid +
 * escrow X25519) and uploads it in chunks to the real server, which checks and stores it. Prints
 * wall time, peak memory of the browser's process tree (PSS) and of this (server) process (RSS), and the ratio
 * to the Debian `age` CLI encrypting the same file in the same run (X25519 recipients: age 1.1
 * has no hybrid ones).
 */
function processTreeRss(rootMarker: string): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => Boolean(m))
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), rss: Number(m[3]) * 1024, args: m[4]! }));
  const roots = rows.filter((r) => r.args.includes(rootMarker)).map((r) => r.pid);
  const tree = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      if (tree.has(r.ppid) && !tree.has(r.pid)) {
        tree.add(r.pid);
        grew = true;
      }
    }
  }
  // PSS, not RSS: Chromium's processes share memory (data pipes, code), which RSS counts once per process.
  return rows.filter((r) => tree.has(r.pid)).reduce((n, r) => n + pss(r.pid, r.rss), 0);
}

function pss(pid: number, fallback: number): number {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : fallback;
  } catch {
    return fallback;
  }
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

export async function benchIntake(sizeMiB: number): Promise<void> {
  console.log(`\nintake: ${sizeMiB} MiB through the browser (${machineLine()})`);
  ensureIntakeBuilt();
  const work = mkdtempSync(join(tmpdir(), 'tumen-bench-intake-'));
  const file = join(work, 'evidence.bin');
  const fd = openSync(file, 'w');
  const piece = randomBytes(16 * 1024 * 1024);
  for (let i = 0; i < sizeMiB / 16; i++) writeSync(fd, piece.subarray(0, Math.min(piece.length, (sizeMiB - i * 16) * 1024 * 1024)));
  closeSync(fd);
  const s = await startTestServer({ intake: { maxSubmissionBytes: 2 * 1024 ** 3, powBits: 16 } });
  const marker = `--tumen-bench-${randomBytes(4).toString('hex')}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, marker], headless: true });
  try {
    await addIntakeKey(s.tumen.store, { name: 'staff', kind: 'staff' }, operator);
    const escrow = await addIntakeKey(s.tumen.store, { name: 'escrow', kind: 'escrow' }, operator);
    const escrowFile = join(work, 'escrow.txt');
    writeFileSync(escrowFile, escrow.identityFile, { mode: 0o600 });

    let browserPeak = 0;
    let serverPeak = 0;
    const sampler = setInterval(() => {
      browserPeak = Math.max(browserPeak, processTreeRss(marker));
      serverPeak = Math.max(serverPeak, process.memoryUsage().rss);
    }, 250);
    const page = await (await browser.newContext()).newPage();
    const t0 = Date.now();
    await sendThroughPage(page, s.url, 'bench', file, 3_600_000);
    const browserSec = (Date.now() - t0) / 1000;
    clearInterval(sampler);

    // Two recipients like the browser's two (a second X25519 stands in for the hybrid staff key).
    const rawSecond = execFileSync('age-keygen', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).match(/public key: (age1\w+)/)?.[1] ?? escrow.recipient;
    const t1 = Date.now();
    const raw = spawnSync('age', ['-r', escrow.recipient, '-r', rawSecond, '-o', join(work, 'raw.age'), file]);
    const ageSec = (Date.now() - t1) / 1000;
    if (raw.status !== 0) throw new Error(raw.stderr.toString());

    const [row] = await s.tumen.store.intake.list();
    const out = join(work, 'export');
    await exportSubmission(s.tumen.store, new IntakeService(s.tumen).files, row!.id, out);
    const dec = spawnSync('age', ['-d', '-i', escrowFile, '-o', join(out, 'file'), join(out, '01-file.age')]);
    const same = dec.status === 0 && (await sha256File(join(out, 'file'))) === (await sha256File(file));
    const rate = sizeMiB / browserSec;
    console.log(`intake: browser encrypt + upload + server check/store ${mib(sizeMiB * 2 ** 20)} in ${browserSec.toFixed(1)} s (${rate.toFixed(1)} MiB/s)`);
    console.log(`intake: peak memory: browser (PSS of all its processes) ${mib(browserPeak)}, server process RSS ${mib(serverPeak)}`);
    console.log(`intake: raw age CLI encryption of the same file ${ageSec.toFixed(1)} s; ratio ${(browserSec / ageSec).toFixed(1)}×`);
    console.log(`intake: export + Debian age -d: SHA-256 ${same ? 'matches' : 'DIFFERS'}`);
    if (!same) process.exitCode = 1;
  } finally {
    await browser.close();
    await s.close();
    rmSync(work, { recursive: true, force: true });
  }
}
