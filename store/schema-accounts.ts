/** Row shapes of accounts, sessions, tokens and compartments (see the 2026-11-24 migrations). */
export interface UsersTable {
  id: string;
  /** Lower-case, NFC: the name people sign in with. */
  username: string;
  display_name: string;
  role: string;
  /** argon2id PHC string (crypto/kdf.ts, login profile). */
  password_hash: string;
  disabled_at: string | null;
  /** Sealed with the field key (the vault): a stolen database does not give away second factors. */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** The last 30-second step accepted, so a code can be used once only. */
  totp_last_step: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  password_changed_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the session token: the token itself is only ever in the browser's cookie. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute end, whatever the activity. */
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  label: string;
  /** The token acts with this role or the user's, whichever is lower. */
  role: string;
  /** SHA-256 of the token; the token is shown once at creation. */
  token_hash: string;
  created_at: string;
  created_by: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string;
}

export interface CompartmentsTable {
  id: string;
  label: string;
  created_at: string;
  created_by: string;
}

export interface CompartmentGrantsTable {
  user_id: string;
  compartment_id: string;
  access: string;
  created_at: string;
  created_by: string;
}

export interface SourceCompartmentsTable {
  source_id: string;
  compartment_id: string;
}

export interface RecordCompartmentsTable {
  record_id: string;
  compartment_id: string;
}

export interface AccountTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  recovery_codes: RecoveryCodesTable;
  settings: SettingsTable;
  compartments: CompartmentsTable;
  compartment_grants: CompartmentGrantsTable;
  source_compartments: SourceCompartmentsTable;
  record_compartments: RecordCompartmentsTable;
}
