import type { TumenConfig } from './config.ts';
import type { Vault } from './keys/vault.ts';
import type { BlobStore } from '../store/blob-store.ts';
import { EncryptedBlobStore } from '../store/encrypted-blob-store.ts';
import { openStore, type Store } from '../store/store.ts';
import { dialectOf } from '../store/db.ts';
import { DatabaseKeyError } from '../store/sqlite-cipher.ts';
import { toSearchDoc as recordDoc } from '../store/records.repository.ts';
import { toSearchDoc as sourceDoc } from '../store/sources.repository.ts';
import { createSearchIndex, migrateSearch, type SearchIndex } from '../search/index.ts';
import type { SearchDoc } from '../domain/search.ts';
import { gazetteerNameExpander } from './search-names.ts';

/**
 * The composition root: one store, one blob store (and, as they land, the search index and
 * key material). Server and CLI build exactly one of these and pass it to named commands.
 * Opening needs an unlocked vault (app/keys): nothing is stored in the clear that it protects.
 */
export interface Tumen {
  config: TumenConfig;
  store: Store;
  blobs: BlobStore;
  vault: Vault;
  /** Full-text index, written in the same transaction as every source and record. */
  search: SearchIndex;
  /** SQLite only: a consistent copy of the live database, for backups. */
  snapshot?: (dest: string) => Promise<void>;
  close(): Promise<void>;
}

export async function openTumen(config: TumenConfig, vault: Vault): Promise<Tumen> {
  const opened = await openStore(config.database, vault.sealer, null, databaseKeyFor(config, vault));
  const { close, snapshot } = opened;
  await migrateSearch(opened.store.db, opened.store.dialect);
  const search = createSearchIndex(opened.store.db, opened.store.dialect, { expandName: gazetteerNameExpander() });
  const store = opened.store.withIndex(search.writer);
  // A new analyzer version empties the index; rebuilding here keeps search and records in step.
  if (await search.needsRebuild()) await search.rebuild(allDocs(store));
  return { config, store, search, blobs: new EncryptedBlobStore(config.blobDir, vault.sealer), vault, close, ...(snapshot ? { snapshot } : {}) };
}

/** SQLite needs the vault's page key; a folder that has none yet was written before encryption. */
function databaseKeyFor(config: TumenConfig, vault: Vault): Buffer | undefined {
  if (dialectOf(config.database) === 'postgres') return undefined;
  if (!vault.databaseKey) {
    throw new DatabaseKeyError('database_not_encrypted', `${config.dataDir} was written before its database was encrypted: run "tumen migrate --data ${config.dataDir}" first`);
  }
  return vault.databaseKey;
}

async function* allDocs(store: Store): AsyncGenerator<SearchDoc> {
  for await (const s of store.sources.streamAllUnrestricted()) yield sourceDoc(s);
  for await (const r of store.records.streamAllUnrestricted()) yield recordDoc(r);
}
