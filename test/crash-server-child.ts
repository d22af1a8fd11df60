// Child process for the mixed crash test: serves the data folder over HTTP on a random loopback
// port and prints "listening <port>". The parent writes to it and SIGKILLs it at a random moment.
import { resolveConfig } from '../app/config.ts';
import { startServer } from '../server/main.ts';
import { openTestTumen } from './keys.ts';

const [dataDir] = process.argv.slice(2) as [string];
const tumen = await openTestTumen(resolveConfig({ data: dataDir }));
const server = await startServer(tumen, { port: 0, logger: false });
process.stdout.write(`listening ${new URL(server.url).port}\n`);
