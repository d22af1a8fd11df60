import type { IntakeTables } from './schema-intake.ts';
import type { Generated } from 'kysely';
import type { AccountTables } from './schema-accounts.ts';

/** Row shapes as stored. JSON columns are text in both dialects so an export is byte-stable. */
export interface SourcesTable {
  id: string;
  kind: string;
  title: string;
  publisher: string;
  author: string;
  url: string;
  language: string;
  published_value: string | null;
  published_qualifier: string | null;
  published_lo: string | null;
  published_hi: string | null;
  retrieved_at: string | null;
  text: string;
  sha256: string;
  reliability: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  deleted_at: string | null;
}

export interface EvidenceFilesTable {
  id: string;
  source_id: string;
  sha256: string;
  media_type: string;
  size: number;
  original_name: string;
  created_at: string;
  created_by: string;
}

export interface RecordsTable {
  id: string;
  kind: string;
  status: string;
  version: number;
  body: string;
  /** Person protected fields, kept apart so they can be encrypted as one unit. */
  protected: string | null;
  label: string;
  type: string | null;
  date_lo: string | null;
  date_hi: string | null;
  place_id: string | null;
  /** The record this one hangs off: the event of an involvement, the installation of an observation… */
  parent_id: string | null;
  metric: string | null;
  value: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  deleted_at: string | null;
}

export interface CitationsTable {
  id: string;
  record_id: string;
  source_id: string;
  start_offset: number;
  end_offset: number;
  quote: string;
  note: string;
  credibility: number;
  rule: string | null;
  created_at: string;
  created_by: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity_kind: string;
  entity_id: string;
  state_hash: string;
  detail: string;
  /** RFC 9162 leaf hash (hex) of this entry; see store/audit-leaf.ts. */
  leaf_hash: string;
}

/** One row (id 1): the Merkle frontier after the last entry, so an append costs O(log n). */
export interface AuditFrontierTable {
  id: number;
  size: number;
  hashes: string;
  root: string;
}

export interface AuditCheckpointsTable {
  id: string;
  tree_size: number;
  root_hash: string;
  timestamp_ms: number;
  /** The signed note (C2SP tlog-checkpoint): origin, size, root, timestamp and signature. */
  note: string;
  created_at: string;
}

/** Accounts, sessions, tokens and compartments: see schema-accounts.ts. */
export interface DB extends AccountTables, IntakeTables {
  sources: SourcesTable;
  evidence_files: EvidenceFilesTable;
  records: RecordsTable;
  citations: CitationsTable;
  audit_log: AuditLogTable;
  audit_frontier: AuditFrontierTable;
  audit_checkpoints: AuditCheckpointsTable;
}
