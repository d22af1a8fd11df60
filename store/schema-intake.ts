/** Row shapes of the secure intake (migration 2026-12-06-0300-intake). */
export interface IntakeRecipientsTable {
  id: string;
  name: string;
  /** 'staff' or 'escrow' (kept offline). */
  kind: string;
  /** age recipient: age1… (X25519) or age1pq1… (ML-KEM-768 + X25519 hybrid). */
  recipient: string;
  created_at: string;
  created_by: string;
}

export interface IntakeSubmissionsTable {
  id: string;
  /** Coarse UTC day of arrival (YYYY-MM-DD); the exact time is sealed to the recipients. */
  day: string;
  /** 'uploading' until every object is whole, then 'received'. */
  status: string;
  /** SHA-256 of the mailbox id the browser derived from the receipt; null for the no-JS form. */
  mailbox_hash: string | null;
  /** SHA-256 of the mailbox auth key. */
  auth_verifier: string | null;
  /** age recipient derived from the receipt: staff replies are encrypted to it. */
  reply_recipient: string | null;
  /** SHA-256 of the upload token, cleared once received. */
  upload_token_hash: string | null;
  size_limit: number;
  /** 1 when sealed on the server from the no-JavaScript form. */
  weaker: number;
}

export interface IntakeObjectsTable {
  id: string;
  submission_id: string;
  /** message, manifest, file, received (server-sealed exact time), followup, reply. */
  kind: string;
  position: number;
  /** Declared ciphertext length in bytes. */
  size: number;
  /** 'uploading' or 'stored'. */
  status: string;
  /** SHA-256 of the stored ciphertext, once stored. */
  sha256: string | null;
  day: string;
}

export interface IntakeTables {
  intake_recipients: IntakeRecipientsTable;
  intake_submissions: IntakeSubmissionsTable;
  intake_objects: IntakeObjectsTable;
}
