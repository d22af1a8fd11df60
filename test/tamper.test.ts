import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { verifyTumen } from '../app/commands/verifier.ts';
import { resolveConfig } from '../app/config.ts';
import { tempDir } from './databases.ts';
import { openTestTumen } from './keys.ts';
import { seedFiles } from './seeds.ts';
import { buildTamperFixture, dataDirOf } from './tamper-fixture.ts';
import { TAMPERINGS, type TamperContext } from './tamperings.ts';

/** What `tumen verify` says about a data folder: its failure lines, or why it would not even open. */
async function verdict(ctx: TamperContext): Promise<string[]> {
  let tumen;
  try {
    tumen = await openTestTumen(ctx.config);
  } catch (err) {
    return [`does not open: ${err instanceof Error ? err.message : String(err)}`];
  }
  try {
    return (await verifyTumen(tumen, ctx.external === undefined ? {} : { externalCheckpoint: ctx.external })).failures;
  } catch (err) {
    return [`verify stops: ${err instanceof Error ? err.message : String(err)}`];
  } finally {
    await tumen.close();
  }
}

test('tamper suite: every edit of the data folder made behind Tumen\'s back is detected', { timeout: 300_000 }, async () => {
  const root = tempDir('tumen-tamper-');
  try {
    const base = join(root, 'base');
    const targets = await buildTamperFixture(base, readFileSync(seedFiles()[0]!));
    const pristine = resolveConfig({ data: dataDirOf(base), env: {} });
    assert.deepEqual(await verdict({ config: pristine, pristine, t: targets, external: targets.witness }), [], 'the untouched fixture verifies');

    assert.ok(TAMPERINGS.length >= 30, `${TAMPERINGS.length} tamperings`);
    assert.equal(new Set(TAMPERINGS.map((x) => x.name)).size, TAMPERINGS.length, 'names are distinct');
    const missed: string[] = [];
    let detectable = 0;
    let detected = 0;
    for (const [i, tampering] of TAMPERINGS.entries()) {
      const work = join(root, `t${i}`);
      cpSync(base, work, { recursive: true });
      const ctx: TamperContext = { config: resolveConfig({ data: dataDirOf(work), env: {} }), pristine, t: targets };
      await tampering.apply(ctx);
      const failures = await verdict(ctx);
      if (process.env.TUMEN_TAMPER_VERBOSE) console.log(`${tampering.name}\n    ${failures.slice(0, 3).join('\n    ') || '(nothing)'}`);
      if (tampering.undetectable) {
        assert.deepEqual(failures, [], `${tampering.name}: an older copy is consistent in itself`);
      } else {
        detectable += 1;
        if (failures.length > 0) detected += 1;
        else missed.push(`${tampering.target}: ${tampering.name}`);
      }
      rmSync(work, { recursive: true, force: true });
    }
    console.log(`tamper suite: ${detected}/${detectable} detected (${TAMPERINGS.length - detectable} undetectable by design: rollback without an outside checkpoint)`);
    assert.deepEqual(missed, [], 'undetected tamperings');
    assert.equal(detected, detectable);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
