#!/usr/bin/env node
// Builds the web app into web/dist (Vite), writes .gz twins for the server to send as they are,
// and prints the gzipped size of what the first screen loads. Fails if the entry chunk is over
// its budget: analysts on slow links open this app all day.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const ENTRY_BUDGET_BYTES = 300 * 1024;
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const webDir = join(root, 'web');
const dist = join(webDir, 'dist');

export function measure(distDir = dist) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const gz = (rel) => gzipSync(readFileSync(join(distDir, rel.replace(/^\//, '')))).length;
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('web/dist/index.html has no module script');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const css = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const entryGz = gz(entry);
  const initialGz = [entry, ...preloads, ...css].reduce((n, f) => n + gz(f), 0);
  return { entry, entryGz, initialGz };
}

function precompress(dir) {
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    if (name.isDirectory()) precompress(path);
    else if (/\.(js|css|html|json|svg)$/.test(name.name)) writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
  }
}

/** Everything the bundle is made from: when none of it changed, `npm start` serves the last build. */
function inputsFingerprint() {
  const hash = createHash('sha256');
  const add = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== 'dist' && name !== 'node_modules') add(join(path, name));
    } else hash.update(`${path.slice(root.length)}\0`).update(readFileSync(path));
  };
  for (const p of ['web', 'domain', 'data', 'package-lock.json']) add(join(root, p));
  return hash.digest('hex');
}

async function main() {
  const started = Date.now();
  const fingerprint = inputsFingerprint();
  const stamp = join(dist, '.inputs-sha256');
  if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) {
    console.log('web: up to date (no input changed since the last build; --force rebuilds)');
    return;
  }
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  // The public intake page's script: its own small bundle (no React), served at /intake with SRI.
  await build({
    configFile: false,
    root: join(webDir, 'intake'),
    logLevel: 'warn',
    build: {
      outDir: join(dist, 'intake'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: join(webDir, 'intake', 'main.ts'),
        output: { format: 'es', entryFileNames: 'intake-[hash].js', inlineDynamicImports: true },
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  });
  precompress(dist);
  const m = measure();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`web: entry chunk ${m.entry} = ${kb(m.entryGz)} gzipped (budget ${kb(ENTRY_BUDGET_BYTES)}); first screen loads ${kb(m.initialGz)} gzipped`);
  if (m.entryGz > ENTRY_BUDGET_BYTES) {
    console.error('web: the entry chunk is over budget');
    process.exit(1);
  }
  writeFileSync(stamp, fingerprint);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
