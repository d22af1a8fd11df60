// `npm run fuzz [-- RUNS [SEED]]`: every importer and every API route's body and query, 10,000
// random cases each by default (test/fuzz-suite.ts); exits 1 on any crash, 5xx or slow health check.
import { runFuzz } from '../test/fuzz-suite.ts';

const runs = Number(process.argv[2] ?? process.env.FUZZ_RUNS ?? 10_000);
const seed = process.argv[3] !== undefined ? Number(process.argv[3]) : undefined;
const ok = await runFuzz(runs, console.log, seed);
process.exit(ok ? 0 : 1);
