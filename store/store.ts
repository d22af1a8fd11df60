import type { Kysely } from 'kysely';
import type { IndexWriter } from '../domain/search.ts';
import { AuditRepository } from './audit.repository.ts';
import { openDatabase, type Dialect } from './db.ts';
import { EvidenceRepository } from './evidence.repository.ts';
import { migrateToLatest } from './migrate.ts';
import { RecordRepository } from './records.repository.ts';
import type { DB } from './schema.ts';
import { SourceRepository } from './sources.repository.ts';

/**
 * The repositories bound to one connection or one transaction. `transaction` hands the callback
 * a Store bound to the transaction, so a multi-step write (an import) commits or vanishes whole.
 */
export class Store {
  readonly sources: SourceRepository;
  readonly records: RecordRepository;
  readonly evidence: EvidenceRepository;
  readonly audit: AuditRepository;

  constructor(
    readonly db: Kysely<DB>,
    readonly dialect: Dialect,
    private readonly index: IndexWriter<Kysely<any>> | null = null,
    private readonly inTransaction = false,
  ) {
    this.audit = new AuditRepository(db);
    this.sources = new SourceRepository(db, this.audit, index);
    this.records = new RecordRepository(db, this.audit, index);
    this.evidence = new EvidenceRepository(db, this.audit);
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new Store(trx, this.dialect, this.index, true)));
  }

  withIndex(index: IndexWriter<Kysely<any>> | null): Store {
    return new Store(this.db, this.dialect, index, this.inTransaction);
  }
}

export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

export async function openStore(location: string, index: IndexWriter<Kysely<any>> | null = null): Promise<OpenedStore> {
  const { db, dialect, close } = openDatabase({ location });
  await migrateToLatest(db, dialect);
  return { store: new Store(db, dialect, index), close };
}
