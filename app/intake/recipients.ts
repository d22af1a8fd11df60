import { generateHybridIdentity, generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { Actor } from '../../domain/actor.ts';
import { ConflictError } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { newId } from '../../store/support.ts';

export type RecipientKind = 'staff' | 'escrow';

export interface NewIntakeKey {
  /** The identity file's text (age-keygen layout): the secret; written once, never stored. */
  identityFile: string;
  recipient: string;
}

/**
 * A new intake recipient. Staff get a hybrid post-quantum identity (ML-KEM-768 + X25519, age
 * ≥ 1.3 and age-encryption read it) unless `x25519` is asked for; the escrow is always X25519,
 * so the Debian age 1.1 CLI on an offline machine can open everything with it.
 */
export async function addIntakeKey(store: Store, opts: { name: string; kind: RecipientKind; x25519?: boolean }, actor: Actor): Promise<NewIntakeKey> {
  const name = opts.name.trim();
  if (!name) throw new ConflictError('A recipient needs a name.');
  if ((await store.intake.recipients()).some((r) => r.name === name)) throw new ConflictError(`An intake recipient named "${name}" exists already.`);
  const hybrid = opts.kind === 'staff' && !opts.x25519;
  const identity = hybrid ? await generateHybridIdentity() : await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  await store.intake.addRecipient({ id: newId(), name, kind: opts.kind, recipient }, actor);
  const role = opts.kind === 'escrow' ? 'escrow (keep offline)' : 'staff';
  const identityFile = `# Tumen intake identity: ${name}, ${role}\n# created: ${new Date().toISOString().slice(0, 10)}\n# public key: ${recipient}\n${identity}\n`;
  return { identityFile, recipient };
}
