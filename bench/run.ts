// `npm run bench [-- --only import,export,search,extract,crypto] [-- --quick]`
import { benchExport } from './export.bench.ts';
import { benchImport } from './import.bench.ts';

const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice(7) ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);
const only = onlyArg ? new Set(onlyArg.split(',')) : null;
const quick = args.includes('--quick');
const want = (name: string) => !only || only.has(name);

if (want('import')) await benchImport(quick ? 1000 : 10_000);
if (want('export')) await benchExport(quick ? 10_000 : 100_000);
