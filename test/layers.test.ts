import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { REPO_ROOT } from './seeds.ts';

/**
 * The layer rules of docs/ARCHITECTURE.md, checked on every import line (static, re-export and
 * dynamic) of every source file, tests, benches and scripts excepted:
 *   domain ← store / search / ingest / crypto ← app / server / cli;  web (src) uses only domain.
 * `data/` (shipped JSON) may be read by any layer. ESLint's zones say the same in the editor;
 * this test is what makes CI fail.
 */
const LAYERS = ['domain', 'store', 'search', 'ingest', 'crypto', 'app', 'server', 'cli', 'web'] as const;
type Layer = (typeof LAYERS)[number];
const CORE: Layer[] = ['domain', 'store', 'search', 'ingest', 'crypto'];
export const ALLOWED: Record<Layer, Layer[]> = {
  domain: ['domain'],
  // The store holds no key, but uses crypto's pure functions (Merkle hashing, envelope parsing).
  store: ['domain', 'store', 'crypto'],
  search: ['domain', 'search'],
  ingest: ['domain', 'ingest'],
  crypto: ['domain', 'crypto'],
  app: [...CORE, 'app'],
  server: [...CORE, 'app', 'server'],
  cli: [...CORE, 'app', 'server', 'cli'],
  web: ['domain', 'web'],
};
/** Layers that must not touch the machine: pure code, or code that runs in a browser. */
const NO_NODE_BUILTINS: Layer[] = ['domain', 'web'];

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', '.tumen', 'test-artifacts', 'e2e', 'build']);
/** Tests and their support files (test-server.ts, authorization-fixtures.ts) may reach across layers. */
const isExempt = (path: string) => /\.(test|bench)\.tsx?$/.test(path) || /(^|\/)test-[^/]*\.ts$/.test(path) || /fixtures\.ts$/.test(path) || path.endsWith('.d.ts');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|tsx|mts)$/.test(name) && !isExempt(relative(REPO_ROOT, p))) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(=])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

function layerOf(absPath: string): string {
  return relative(REPO_ROOT, absPath).split(sep)[0]!;
}

/** The rule breaks in one file's text; `file` decides its layer and resolves relative imports. */
export function violationsIn(file: string, text: string): string[] {
  const found: string[] = [];
  const from = layerOf(file) as Layer;
  for (const spec of importsOf(text)) {
    const where = `${relative(REPO_ROOT, file)} imports ${spec}`;
    if (spec.startsWith('node:') || ['fs', 'path', 'child_process', 'os', 'crypto'].includes(spec)) {
      if (NO_NODE_BUILTINS.includes(from)) found.push(`${where}: ${from} may not use Node built-ins`);
      continue;
    }
    let to: string;
    if (spec.startsWith('.')) to = layerOf(resolve(dirname(file), spec));
    else if (spec.startsWith('@domain/')) to = 'domain';
    else continue; // an npm package
    if (to === 'data') continue;
    if (!(ALLOWED[from] as string[]).includes(to)) found.push(`${where}: ${from} may import only ${ALLOWED[from].join(', ')}`);
  }
  return found;
}

export function violations(files: string[]): string[] {
  return files.flatMap((file) => violationsIn(file, readFileSync(file, 'utf8')));
}

test('every import follows the layer rules', () => {
  // The web app is web/src; web/build and web/e2e are Node-side tooling around it.
  const files = LAYERS.flatMap((l) => sourceFiles(join(REPO_ROOT, l === 'web' ? join('web', 'src') : l)));
  assert.ok(files.length > 100, `scanned ${files.length} files`);
  assert.deepEqual(violations(files), []);
});

test('the checker sees each kind of import, and a forbidden one fails', () => {
  assert.deepEqual(importsOf(`import a from '../store/x.ts';\nexport { b } from "../app/y.ts";\nconst c = await import('../cli/z.ts');\nimport '../server/side.ts';\nimport type {\n  D,\n} from '../search/w.ts';`), [
    '../store/x.ts',
    '../app/y.ts',
    '../cli/z.ts',
    '../server/side.ts',
    '../search/w.ts',
  ]);
  // A file that is never written: its path gives the layer, its text the imports.
  const probe = (text: string) => violationsIn(join(REPO_ROOT, 'domain', 'policies', 'layer-probe.ts'), text);
  assert.equal(probe(`import { x } from '../../store/db.ts';`).length, 1, 'domain/policies → store is refused');
  assert.equal(probe(`import { readFileSync } from 'node:fs';`).length, 1, 'domain → node:fs is refused');
  assert.equal(probe(`import { z } from 'zod';\nimport { a } from '../errors.ts';`).length, 0, 'npm packages and domain itself are fine');
});

/** The folder tree of docs/ARCHITECTURE.md: every folder it names exists, every folder two deep is named. */
test('docs/ARCHITECTURE.md lists every folder (two levels deep), and only folders that exist', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const tree = /^## Folders\s+```\n([\s\S]*?)```/m.exec(doc)?.[1];
  assert.ok(tree, 'the Folders section has a code block');
  const listed = new Set([...tree.matchAll(/^(\S+)\/\s/gm)].map((m) => m[1]!));
  const missing = [...listed].filter((p) => !statSync(join(REPO_ROOT, p), { throwIfNoEntry: false })?.isDirectory());
  assert.deepEqual(missing, [], 'folders named in the tree that do not exist');
  const skip = new Set([...SKIP_DIRS].filter((d) => d !== 'e2e' && d !== 'build'));
  const actual: string[] = [];
  for (const top of readdirSync(REPO_ROOT)) {
    if (top.startsWith('.') || skip.has(top) || !statSync(join(REPO_ROOT, top)).isDirectory()) continue;
    actual.push(top);
    for (const sub of readdirSync(join(REPO_ROOT, top))) {
      if (!sub.startsWith('.') && !skip.has(sub) && statSync(join(REPO_ROOT, top, sub)).isDirectory()) actual.push(`${top}/${sub}`);
    }
  }
  assert.deepEqual(actual.filter((p) => !listed.has(p)), [], 'folders missing from the tree');
});
