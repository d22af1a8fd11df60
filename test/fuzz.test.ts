import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFuzz } from './fuzz-suite.ts';

// The full 10,000 cases per target is `npm run fuzz`; CI runs a sample on every change.
test('fuzz: importers and every API route, 0 crashes, 0 answers ≥ 500, health answering', { timeout: 240_000 }, async () => {
  const lines: string[] = [];
  const ok = await runFuzz(Number(process.env.FUZZ_RUNS ?? 150), (l) => lines.push(l));
  assert.ok(ok, lines.join('\n'));
});
