import type { Kysely } from 'kysely';
import type { IndexWriter } from '../domain/search.ts';
import { AccountRepositories } from './accounts.ts';
import { AuditRepository } from './audit.repository.ts';
import { CheckpointRepository } from './checkpoints.repository.ts';
import { openDatabase, type Dialect } from './db.ts';
import { EvidenceRepository } from './evidence.repository.ts';
import { IntakeRepository } from './intake.repository.ts';
import { migrateToLatest } from './migrate.ts';
import { RecordRepository } from './records.repository.ts';
import type { DB } from './schema.ts';
import type { Sealer } from './sealing.ts';
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
  readonly checkpoints: CheckpointRepository;
  /** Users, sessions, tokens, settings and compartments (see store/accounts.ts). */
  readonly accounts: AccountRepositories;
  /** Secure intake: recipients, submissions, ciphertext objects (store/intake.repository.ts). */
  readonly intake: IntakeRepository;

  /** `sealer` encrypts person protected fields; the store never sees the keys behind it. */
  constructor(
    readonly db: Kysely<DB>,
    readonly dialect: Dialect,
    private readonly sealer: Sealer,
    private readonly index: IndexWriter<Kysely<any>> | null = null,
    private readonly inTransaction = false,
  ) {
    this.audit = new AuditRepository(db, dialect);
    this.checkpoints = new CheckpointRepository(db);
    this.records = new RecordRepository(db, this.audit, index, sealer);
    this.sources = new SourceRepository(db, this.audit, index, (actor, ids, sourceId) => this.records.quotesErasedUnrestricted(actor, ids, sourceId));
    this.evidence = new EvidenceRepository(db, this.audit);
    this.accounts = new AccountRepositories(db, sealer, dialect);
    this.intake = new IntakeRepository(db);
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new Store(trx, this.dialect, this.sealer, this.index, true)));
  }

  withIndex(index: IndexWriter<Kysely<any>> | null): Store {
    return new Store(this.db, this.dialect, this.sealer, index, this.inTransaction);
  }
}

export interface OpenedStore {
  store: Store;
  /** SQLite only: a consistent copy of the live database (online backup API), for `tumen backup`. */
  snapshot?: (dest: string) => Promise<void>;
  close(): Promise<void>;
}

/** `key`: the SQLite page key (ignored for PostgreSQL); omitted only by tests of the plain baseline. */
export async function openStore(location: string, sealer: Sealer, index: IndexWriter<Kysely<any>> | null = null, key?: Buffer): Promise<OpenedStore> {
  const { db, dialect, close, snapshot } = openDatabase({ location, key });
  await migrateToLatest(db, dialect);
  return { store: new Store(db, dialect, sealer, index), close, ...(snapshot ? { snapshot } : {}) };
}
