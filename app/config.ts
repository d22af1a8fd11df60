import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import envPaths from 'env-paths';

export interface TumenConfig {
  dataDir: string;
  /** SQLite file inside dataDir, or a postgres:// URL from TUMEN_DATABASE_URL. */
  database: string;
  blobDir: string;
}

/** Where Tumen keeps its data when --data is not given: the per-user data folder of the OS. */
export function defaultDataDir(): string {
  return envPaths('tumen', { suffix: '' }).data;
}

/**
 * Where a data folder's parts live. Creates nothing unless `create` is set (init, the demo): a
 * command that fails on a mistyped --data must not leave an empty folder behind.
 */
export function resolveConfig(opts: { data?: string | undefined; env?: NodeJS.ProcessEnv; create?: boolean }): TumenConfig {
  const env = opts.env ?? process.env;
  const dataDir = resolve(opts.data ?? env.TUMEN_DATA ?? defaultDataDir());
  if (opts.create) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return {
    dataDir,
    database: env.TUMEN_DATABASE_URL || join(dataDir, 'tumen.db'),
    blobDir: join(dataDir, 'blobs'),
  };
}
