// `npm run bench` runs everything at the sizes the issues name; `-- --quick` runs small sizes;
// `-- --only import,export,search,extract,crypto,at-rest,log,intake` picks benchmarks.
import { benchAtRest } from './at-rest.bench.ts';
import { benchCrypto } from './crypto.bench.ts';
import { benchExport } from './export.bench.ts';
import { benchExtract } from './extract.bench.ts';
import { benchImport } from './import.bench.ts';
import { benchIntake } from './intake.bench.ts';
import { benchLog } from './log.bench.ts';
import { benchSearch } from './search.bench.ts';
import { benchSearchHttp } from './search-http.bench.ts';

const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice(7) ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);
const only = onlyArg ? new Set(onlyArg.split(',')) : null;
const quick = args.includes('--quick');
const want = (name: string) => !only || only.has(name);

if (want('import')) await benchImport(quick ? 1000 : 10_000);
if (want('export')) await benchExport(quick ? 10_000 : 100_000);
if (want('extract')) await benchExtract(quick ? 1000 : 10_000);
if (want('search')) await benchSearch({ sizes: quick ? [20_000] : [100_000, 1_000_000] });
if (want('search-http')) await benchSearchHttp(quick ? 20_000 : 100_000);
if (want('crypto')) await benchCrypto();
if (want('at-rest')) await benchAtRest(quick ? 1000 : 5_000);
if (want('log')) await benchLog(quick ? 100_000 : 1_000_000);
if (want('intake')) await benchIntake(quick ? 64 : 1024);
