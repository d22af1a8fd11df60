import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { importExportFile } from '../app/commands/export-importer.ts';
import { EXPORT_FOOTER, EXPORT_HEADER } from '../app/commands/export-format.ts';
import { RECORD_KINDS } from '../domain/records.ts';
import { ImportError, TumenError } from '../domain/errors.ts';
import { parseDocument } from '../ingest/parse/index.ts';
import { startTestServer, type TestServer } from '../server/test-server.ts';

/**
 * Fuzzing shared by `npm run fuzz` (scripts/fuzz.ts, 10,000 cases per target) and CI
 * (test/fuzz.test.ts, a few hundred): every importer and every API route's body and query get
 * random input; the rule is 0 crashes (importers: a document or an ImportError, within the
 * time budget) and 0 answers ≥ 500, with /api/health answering throughout.
 */
export interface FuzzReport {
  target: string;
  cases: number;
  failures: number;
  slowestMs: number;
  ms: number;
}

const enc = (s: string) => new TextEncoder().encode(s);
/** Strings with everything a client could send, lone surrogates included. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\ud800', 'x\udfffy', '\u0000', '%ED%A0%80', '../../etc/passwd', "'; drop table records; --", '9'.repeat(400), '-1', '1e309', 'NaN', '2023-13-45', '<script>'),
);
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('kind', 'body', 'title', 'text', 'status', 'q', 'label', 'role', 'code', 'password', 'grants', 'citations', 'compartments', 'name', 'value', 'start', 'end'), fc.oneof(nasty, fc.jsonValue({ maxDepth: 3 }))),
  fc.record({ kind: fc.constantFrom(...RECORD_KINDS, 'nope'), body: fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(nasty, fc.jsonValue({ maxDepth: 2 }))) }),
  fc.record({ title: nasty, text: nasty, kind: nasty, published: fc.oneof(nasty, fc.record({ value: nasty, qualifier: nasty })) }, { requiredKeys: [] }),
);

let pdfBase: Uint8Array | null = null;
async function samplePdf(): Promise<Uint8Array> {
  if (pdfBase) return pdfBase;
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText('Testimony of a witness at the border, 2019.', { x: 50, y: 700, font, size: 12 });
  pdf.setTitle('Fuzz base');
  pdfBase = await pdf.save();
  return pdfBase;
}

const htmlPiece = fc.oneof(
  fc.constantFrom('<div>', '</div>', '<p>', '</p>', '<script>', '</script>', '<!--', '-->', '<br/>', '<table><tr><td>', '<meta charset="euc-kr">', '<title>', '</title>', '<html><body>', '<article>', '<li>', '<a href="javascript:x">', '<svg><math>'),
  fc.string({ maxLength: 20 }),
);

/** Bytes for each importer: random, structured, and mutations of a valid file. */
async function importerInputs(): Promise<Record<string, fc.Arbitrary<[string, Uint8Array]>>> {
  const pdf = await samplePdf();
  const bytes = fc.oneof(fc.uint8Array({ maxLength: 3_000 }), fc.string({ unit: 'binary', maxLength: 800 }).map(enc));
  return {
    txt: fc.oneof(bytes, fc.string({ unit: 'grapheme', maxLength: 2_000 }).map(enc)).map((b) => ['f.txt', b]),
    md: fc.oneof(bytes, fc.tuple(fc.constantFrom('', '---\ntitle: x\n---\n', '---\n', '# '), fc.string({ unit: 'grapheme', maxLength: 1_000 })).map(([a, b]) => enc(a + b))).map((b) => ['f.md', b]),
    html: fc.oneof(bytes, fc.array(htmlPiece, { maxLength: 300 }).map((parts) => enc(parts.join('')))).map((b) => ['f.html', b]),
    pdf: fc
      .oneof(
        fc.array(fc.tuple(fc.nat({ max: pdf.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }).map((edits) => {
          const copy = pdf.slice();
          for (const [at, v] of edits) copy[at] = v;
          return copy;
        }),
        fc.nat({ max: pdf.length }).map((cut) => pdf.slice(0, cut)),
        fc.uint8Array({ maxLength: 2_000 }).map((tail) => new Uint8Array([...enc('%PDF-1.7\n'), ...tail, ...enc('\n%%EOF')])),
      )
      .map((b) => ['f.pdf', b]),
  };
}

async function timed(target: string, runs: number, seed: number | undefined, prop: fc.IAsyncPropertyWithHooks<any> | fc.IAsyncProperty<any>, slowest: { ms: number }): Promise<FuzzReport> {
  const started = performance.now();
  let failures = 0;
  const details = await fc.check(prop, { numRuns: runs, ...(seed !== undefined ? { seed } : {}), endOnFailure: true });
  if (details.failed) {
    failures = 1;
    console.error(`${target}: ${fc.defaultReportMessage(details)}\n${String((details.errorInstance as Error | undefined)?.stack ?? details.errorInstance).slice(0, 1_500)}`);
  }
  return { target, cases: details.numRuns, failures, slowestMs: Math.round(slowest.ms), ms: Math.round(performance.now() - started) };
}

/** Each parser: a document or an ImportError, never another exception, each case within `budgetMs`. */
export async function fuzzParsers(runs: number, budgetMs = 10_000, seed?: number): Promise<FuzzReport[]> {
  const out: FuzzReport[] = [];
  for (const [format, input] of Object.entries(await importerInputs())) {
    const slowest = { ms: 0 };
    const prop = fc.asyncProperty(input, async ([name, bytes]) => {
      const t = performance.now();
      try {
        await parseDocument(name, bytes);
      } catch (err) {
        if (!(err instanceof ImportError)) throw err;
      }
      const ms = performance.now() - t;
      slowest.ms = Math.max(slowest.ms, ms);
      assert.ok(ms < budgetMs, `${format} took ${Math.round(ms)} ms`);
    });
    out.push(await timed(`parser ${format}`, runs, seed, prop, slowest));
  }
  return out;
}

/** The JSON export importer: random lines after a real header; a TumenError or a restore, never a crash. */
export async function fuzzExportImporter(server: TestServer, runs: number, seed?: number): Promise<FuzzReport> {
  const dir = mkdtempSync(join(tmpdir(), 'tumen-fuzz-export-'));
  const slowest = { ms: 0 };
  let n = 0;
  try {
    const line = fc.oneof(json.map((v) => JSON.stringify(v)), nasty, fc.record({ type: fc.constantFrom('source', 'record', 'evidence', 'citation', 'nope'), item: json }).map((v) => JSON.stringify(v)));
    const prop = fc.asyncProperty(fc.boolean(), fc.array(line, { maxLength: 6 }), fc.boolean(), async (header, lines, footer) => {
      const path = join(dir, `e${n++}.json`);
      writeFileSync(path, [header ? EXPORT_HEADER : '{"tumen":1}', ...lines, ...(footer ? [EXPORT_FOOTER] : [])].join('\n'));
      const t = performance.now();
      try {
        await importExportFile(server.tumen, path, { id: 'fuzz', label: 'fuzz' });
      } catch (err) {
        if (!(err instanceof TumenError)) throw err;
      }
      slowest.ms = Math.max(slowest.ms, performance.now() - t);
      rmSync(path);
    });
    return await timed('export importer', runs, seed, prop, slowest);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Polls /api/health while running; `stop()` returns the slowest answer and any failure. */
export function watchHealth(server: { url: string }, everyMs = 100): { stop(): Promise<{ worstMs: number; checks: number; failed: number }> } {
  let running = true;
  let worstMs = 0;
  let checks = 0;
  let failed = 0;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      try {
        const r = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
        await r.arrayBuffer();
        if (r.status !== 200) failed++;
      } catch {
        failed++;
      }
      checks++;
      worstMs = Math.max(worstMs, performance.now() - t);
      await new Promise((res) => setTimeout(res, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { worstMs: Math.round(worstMs), checks, failed };
    },
  };
}

/** Route paths with their parameters filled by random or real-looking ids. */
function concretePath(url: string, id: string): string {
  return url.replace(/:[A-Za-z]+/g, () => {
    try {
      return encodeURIComponent(id);
    } catch {
      return '%ED%A0%80'; // a lone surrogate has no UTF-8 form: send the bytes a broken client would
    }
  });
}

/**
 * Every API route (from Fastify's route table) with random JSON bodies, random query strings and
 * random path parameters, over real HTTP in local-operator mode (so requests reach the handlers).
 */
export async function fuzzApi(server: TestServer, runs: number, seed?: number): Promise<FuzzReport[]> {
  const routes = server.app.routeTable.filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD' && r.method !== 'OPTIONS');
  const id = fc.oneof(fc.uuid(), nasty.filter((s) => s !== ''), fc.constant('00000000-0000-7000-8000-000000000000'));
  const send = async (method: string, path: string, body: string | undefined, contentType = 'application/json') => {
    const r = await fetch(`${server.url}${path}`, { method, headers: body === undefined ? {} : { 'content-type': contentType, 'x-file-name': 'fuzz.txt' }, body });
    const text = await r.text();
    assert.ok(r.status < 500, `${method} ${path} → ${r.status} ${text.slice(0, 300)} (body ${body?.slice(0, 300)})`);
  };
  const query = fc.oneof(
    fc.dictionary(fc.oneof(fc.constantFrom('q', 'limit', 'cursor', 'kind', 'status', 'from', 'to', 'sort', 'type', 'sourceId', 'recordId', 'format', 'include', 'lang', 'placeId', 'metric', 'offset'), fc.string({ maxLength: 8 })), fc.oneof(nasty, fc.integer().map(String)), { maxKeys: 5 }).map((d) => new URLSearchParams(d).toString()),
    fc.string({ maxLength: 60 }).map((s) => s.replace(/[#\s]/g, '')),
    fc.constantFrom('q=%ED%A0%80', 'q=%', 'limit=99999999999999999999', 'q=' + 'a'.repeat(5000), 'kind[]=x&kind[]=y', '__proto__[x]=1', 'constructor.prototype.x=1'),
  );
  const slowBody = { ms: 0 };
  const withBody = routes.filter((r) => r.method === 'POST' || r.method === 'PATCH' || r.method === 'PUT');
  const bodies = fc.asyncProperty(fc.constantFrom(...withBody), id, fc.oneof(json.map((v) => JSON.stringify(v)), nasty, fc.constantFrom('{"__proto__":{"x":1}}', '{"a":1,"a":2}', '[' .repeat(10_000), '{"kind":"person","body":{"pseudonym":"\\ud800x"}}')), async (route, pid, body) => {
    const t = performance.now();
    await send(route.method, concretePath(route.url, pid), body);
    slowBody.ms = Math.max(slowBody.ms, performance.now() - t);
  });
  const slowQuery = { ms: 0 };
  const queries = fc.asyncProperty(fc.constantFrom(...routes), id, query, async (route, pid, q) => {
    const t = performance.now();
    await send(route.method, `${concretePath(route.url, pid)}?${q}`, route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}');
    slowQuery.ms = Math.max(slowQuery.ms, performance.now() - t);
  });
  return [await timed(`API bodies (${withBody.length} routes)`, runs, seed, bodies, slowBody), await timed(`API queries (${routes.length} routes)`, runs, seed, queries, slowQuery)];
}

/** Everything, on one fresh server; prints a table and returns whether all passed. */
export async function runFuzz(runs: number, log: (line: string) => void = console.log, seed?: number): Promise<boolean> {
  const server = await startTestServer({ parseLimits: { timeoutMs: 10_000 } });
  const reports: FuzzReport[] = [];
  // Parsers and the export importer run in this process (the server's too): health is watched
  // while the API is fuzzed, which is when only the server's own work can slow it down.
  let health: ReturnType<typeof watchHealth> | null = null;
  try {
    reports.push(...(await fuzzParsers(runs, 10_000, seed)));
    reports.push(await fuzzExportImporter(server, runs, seed));
    health = watchHealth(server);
    reports.push(...(await fuzzApi(server, runs, seed)));
  } finally {
    const h = (await health?.stop()) ?? { checks: 0, failed: 1, worstMs: 0 };
    for (const r of reports) log(`${r.target.padEnd(32)} ${String(r.cases).padStart(6)} cases  ${r.failures ? 'FAILED' : '0 failures'}  slowest ${r.slowestMs} ms  total ${(r.ms / 1000).toFixed(1)} s`);
    log(`/api/health during the run: ${h.checks} checks, ${h.failed} failed, slowest ${h.worstMs} ms`);
    reports.push({ target: 'health', cases: h.checks, failures: h.failed + (h.worstMs > 2_000 ? 1 : 0), slowestMs: h.worstMs, ms: 0 });
    await server.close();
  }
  return reports.every((r) => r.failures === 0);
}
