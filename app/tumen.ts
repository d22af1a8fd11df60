import type { TumenConfig } from './config.ts';
import { FileBlobStore, type BlobStore } from '../store/blob-store.ts';
import { openStore, type Store } from '../store/store.ts';

/**
 * The composition root: one store, one blob store (and, as they land, the search index and
 * key material). Server and CLI build exactly one of these and pass it to named commands.
 */
export interface Tumen {
  config: TumenConfig;
  store: Store;
  blobs: BlobStore;
  close(): Promise<void>;
}

export async function openTumen(config: TumenConfig): Promise<Tumen> {
  const { store, close } = await openStore(config.database);
  return { config, store, blobs: new FileBlobStore(config.blobDir), close };
}
