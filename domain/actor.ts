/**
 * Who is acting. Passed explicitly to every store call (never ambient), so a call site
 * shows whose rights apply: the store filters every read of sources, records, citations and
 * evidence by the actor's compartment grants, and every write by its write grants.
 */
export const ROLES = ['admin', 'analyst', 'viewer'] as const;
/** admin: users and settings (and content, within grants); analyst: read/write within grants; viewer: read-only. */
export type Role = (typeof ROLES)[number];

export const ACCESS_LEVELS = ['read', 'write'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** Compartment id → what the actor may do there. A compartment not named is invisible. */
export type Grants = Readonly<Record<string, AccessLevel>>;

export interface Actor {
  id: string;
  label: string;
  /** Absent for software actors with no one behind them: they see nothing. */
  role?: Role;
  /** Absent or empty: the actor sees no source, record or evidence at all. */
  grants?: Grants;
}

/** Where existing data went when compartments arrived, and where new items go unless told otherwise. */
export const DEFAULT_COMPARTMENT = 'default';

export const SYSTEM_ACTOR: Actor = { id: 'system', label: 'Tumen' };

/** Extraction acts for whoever imported the source: it may write only where they may. */
export const extractorActor = (rule = 'extract', onBehalfOf?: Actor): Actor => ({
  id: `software:${rule}`,
  label: 'Tumen extraction',
  ...(onBehalfOf?.role ? { role: onBehalfOf.role } : {}),
  ...(onBehalfOf?.grants ? { grants: onBehalfOf.grants } : {}),
});

/**
 * The operator of a local installation (the CLI, the server before any account exists): an
 * admin with write access to every compartment. Callers pass the full list of compartments,
 * which only the store's `...Unrestricted` methods give out.
 */
export function operatorActor(id: string, label: string, compartmentIds: readonly string[]): Actor {
  return { id, label, role: 'admin', grants: Object.fromEntries(compartmentIds.map((c) => [c, 'write' as const])) };
}
