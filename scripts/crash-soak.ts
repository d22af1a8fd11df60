// npm run crash-soak -- --kills 100: SIGKILLs a real server at random moments during mixed writes
// over the API, on SQLite (and PostgreSQL when TUMEN_TEST_PG_URL is set), and reports what survived.
import { parseArgs } from 'node:util';
import { crashSoak } from '../test/crash-mixed.ts';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '100' }, dialect: { type: 'string' } } });
const kills = Number(values.kills);
if (!Number.isInteger(kills) || kills < 1) {
  process.stderr.write('crash-soak: --kills must be a positive whole number\n');
  process.exit(2);
}
const dialects = values.dialect ? [values.dialect] : process.env.TUMEN_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
let failed = false;
for (const dialect of dialects) {
  if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error(`crash-soak: unknown dialect ${dialect}`);
  const started = Date.now();
  const r = await crashSoak({
    kills,
    dialect,
    onKill: (n, so) => {
      if (n % 10 === 0 || n === kills) process.stdout.write(`${dialect}: ${n}/${kills} kills, ${so.acknowledged} acknowledged writes, ${so.lost.length} lost, verify passed ${so.verifyPassed}/${n}\n`);
    },
  });
  for (const line of [...r.lost, ...r.verifyFailures].slice(0, 40)) process.stdout.write(`  ${line}\n`);
  const ops = Object.entries(r.byOperation).map(([k, v]) => `${k} ${v}`).join(', ');
  process.stdout.write(`${dialect}: ${r.kills} kills, ${r.lost.length} lost, verify passed ${r.verifyPassed}/${r.kills} (${r.acknowledged} acknowledged writes: ${ops}) in ${Math.round((Date.now() - started) / 1000)} s\n`);
  if (r.lost.length > 0 || r.verifyPassed !== r.kills) failed = true;
}
process.exit(failed ? 1 : 0);
