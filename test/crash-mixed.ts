import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { verifyTumen } from '../app/commands/verifier.ts';
import { resolveConfig } from '../app/config.ts';
import { createTestDatabase, tempDir, type TestDatabase } from './databases.ts';
import { openTestTumen } from './keys.ts';
import { REPO_ROOT } from './seeds.ts';

/**
 * Kills a real server with SIGKILL at random moments while clients write to it over HTTP
 * (imports, record create / update / delete, candidate review), then reopens the folder and
 * checks that it opens, `verify` passes and every write the server acknowledged is there.
 * Used by test/crash.test.ts (a few kills) and scripts/crash-soak.ts (a hundred).
 */
export interface CrashSoakResult {
  dialect: 'sqlite' | 'postgres';
  kills: number;
  acknowledged: number;
  lost: string[];
  verifyPassed: number;
  verifyFailures: string[];
  byOperation: Record<string, number>;
}

/** What the parent knows was acknowledged, and so must be found after the crash. */
interface Acked {
  sources: Map<string, string>; // sha256 → source id
  records: Map<string, { kind: string; version: number; deleted: boolean; reviewed: boolean }>;
}

let fileCounter = 0;
function reportText(round: number): Uint8Array {
  fileCounter += 1;
  const i = fileCounter;
  const text = `Crash soak report ${round}-${i}\n\nOn October ${(i % 28) + 1}, 2023, about ${i + 10} North Koreans were detained near Hunchun. 탈북민 ${i}명이 국경에서 체포됐다. 边境 ${i}.\n`;
  return new TextEncoder().encode(text.repeat(3));
}

function startChild(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test', 'crash-server-child.ts'), dataDir], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => reject(new Error(`server child exited (${code ?? signal}) before listening: ${err}`)));
  });
}

async function call(url: string, method: string, path: string, body?: unknown, raw?: { name: string; bytes: Uint8Array }): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = raw ? { 'content-type': 'application/octet-stream', 'x-file-name': raw.name } : body === undefined ? {} : { 'content-type': 'application/json' };
  const res = await fetch(`${url}/api${path}`, { method, headers, body: raw ? (raw.bytes as Uint8Array<ArrayBuffer>) : body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];

/** One client: random writes until the server dies; each 2xx is recorded before the next request. */
async function writer(url: string, round: number, acked: Acked, counts: Record<string, number>): Promise<void> {
  const ack = (op: string) => (counts[op] = (counts[op] ?? 0) + 1);
  for (;;) {
    const live = [...acked.records].filter(([, r]) => !r.deleted).map(([id]) => id);
    const dice = Math.random();
    try {
      if (dice < 0.3) {
        const bytes = reportText(round);
        const r = await call(url, 'POST', '/imports', undefined, { name: `soak-${fileCounter}.txt`, bytes });
        if (r.status === 201) {
          acked.sources.set(r.body.sha256, r.body.sourceId);
          ack('import');
        }
      } else if (dice < 0.5 || live.length === 0) {
        const r = await call(url, 'POST', '/records', Math.random() < 0.5 ? { kind: 'person', body: { pseudonym: `P${round}` }, protected: { realName: 'Soak Person' } } : { kind: 'organization', body: { name: `Org ${round}` } });
        if (r.status === 201) {
          acked.records.set(r.body.id, { kind: r.body.kind, version: r.body.version, deleted: false, reviewed: false });
          ack('create');
        }
      } else if (dice < 0.7) {
        const id = pick(live)!;
        const change = acked.records.get(id)!.kind === 'person' ? { notes: `edited in round ${round}` } : { acronym: `R${round}` };
        const r = await call(url, 'PATCH', `/records/${id}`, { body: change });
        if (r.status === 200) {
          acked.records.set(id, { ...acked.records.get(id)!, version: r.body.version });
          ack('update');
        }
      } else if (dice < 0.8) {
        const id = pick(live)!;
        const r = await call(url, 'DELETE', `/records/${id}`);
        if (r.status === 204) {
          acked.records.set(id, { ...acked.records.get(id)!, deleted: true });
          ack('delete');
        }
      } else {
        const list = await call(url, 'GET', '/candidates?limit=20');
        const candidate = pick((list.body?.items ?? []) as Array<{ id: string; kind: string; version: number }>);
        if (!candidate) continue;
        const action = Math.random() < 0.5 ? 'confirm' : 'reject';
        const r = await call(url, 'POST', `/candidates/${candidate.id}/${action}`, action === 'confirm' ? {} : undefined);
        if (r.status === 200) {
          acked.records.set(candidate.id, { kind: candidate.kind, version: candidate.version + 1, deleted: r.body.action === 'merge', reviewed: true });
          ack(`candidate ${action}`);
        }
      }
    } catch {
      return; // the server is gone
    }
  }
}

/** Opens the folder as Tumen would after the crash and checks every acknowledged write and `verify`. */
async function checkAfterCrash(dataDir: string, env: NodeJS.ProcessEnv, acked: Acked): Promise<{ lost: string[]; failures: string[] }> {
  const tumen = await openTestTumen(resolveConfig({ data: dataDir, env }));
  try {
    const lost: string[] = [];
    if (tumen.store.dialect === 'sqlite') {
      const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(tumen.store.db);
      if (check.rows[0]?.integrity_check !== 'ok') lost.push(`SQLite integrity check: ${JSON.stringify(check.rows)}`);
    }
    for (const [sha, id] of acked.sources) {
      const s = await tumen.store.sources.findBySha256Unrestricted(sha);
      if (!s || s.id !== id) lost.push(`import ${id}: source missing`);
      else if (!(await tumen.blobs.has(sha))) lost.push(`import ${id}: evidence file missing`);
    }
    for (const [id, want] of acked.records) {
      const r = await tumen.store.records.getUnrestricted(id, { includeDeleted: true }).catch(() => null);
      if (!r) lost.push(`record ${id}: missing`);
      else if (r.version < want.version) lost.push(`record ${id}: version ${r.version}, acknowledged ${want.version}`);
      else if (want.deleted && !r.deletedAt) lost.push(`record ${id}: acknowledged delete undone`);
      else if (want.reviewed && r.status === 'candidate') lost.push(`record ${id}: acknowledged review undone`);
    }
    return { lost, failures: (await verifyTumen(tumen)).failures };
  } finally {
    await tumen.close();
  }
}

export async function crashSoak(opts: { kills: number; dialect: 'sqlite' | 'postgres'; writers?: number; maxDelayMs?: number; onKill?: (n: number, r: CrashSoakResult) => void }): Promise<CrashSoakResult> {
  const root = tempDir('tumen-crash-soak-');
  const dataDir = join(root, 'data');
  let pg: TestDatabase | null = null;
  if (opts.dialect === 'postgres') pg = await createTestDatabase('postgres');
  const env: NodeJS.ProcessEnv = { ...process.env, TUMEN_DATABASE_URL: pg?.location ?? '', TUMEN_DATA: '' };
  const acked: Acked = { sources: new Map(), records: new Map() };
  const result: CrashSoakResult = { dialect: opts.dialect, kills: 0, acknowledged: 0, lost: [], verifyPassed: 0, verifyFailures: [], byOperation: {} };
  try {
    for (let round = 1; round <= opts.kills; round++) {
      const { child, url } = await startChild(dataDir, env);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const writers = Array.from({ length: opts.writers ?? 3 }, () => writer(url, round, acked, result.byOperation));
      // Somewhere in the middle of the writes: once the first one is acknowledged (so the server is
      // warm and the writers busy), a random delay, then the kill, whatever is under way.
      // The first round also waits for an acknowledged import and create, so that every run,
      // however few its kills, has crashed over a mix of writes (what the test asserts).
      const before = total(result.byOperation);
      const ops = result.byOperation;
      const warm = () => total(ops) > before && (round > 1 || ((ops.import ?? 0) > 0 && (ops.create ?? 0) > 0));
      for (let waited = 0; !warm() && waited < 30_000; waited += 20) await sleep(20);
      await sleep(Math.random() * (opts.maxDelayMs ?? 1500));
      child.kill('SIGKILL');
      await exited;
      await Promise.all(writers);
      result.kills += 1;
      const { lost, failures } = await checkAfterCrash(dataDir, env, acked);
      result.lost.push(...lost.map((l) => `kill ${round}: ${l}`));
      if (failures.length === 0) result.verifyPassed += 1;
      else result.verifyFailures.push(...failures.map((l) => `kill ${round}: ${l}`));
      result.acknowledged = total(result.byOperation);
      opts.onKill?.(round, result);
    }
    return result;
  } finally {
    await pg?.drop();
    rmSync(root, { recursive: true, force: true });
  }
}
