import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { checkAgeFile, expectedStanzas } from '../../crypto/age-structure.ts';
import type { Actor } from '../../domain/actor.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { IntakeError } from '../../domain/intake/errors.ts';
import { importDocument, type ImportResult } from '../commands/source-importer.ts';
import type { Tumen } from '../tumen.ts';
import type { IntakeService } from './intake-service.ts';

/**
 * The staff side of the intake. The server hands out ciphertext only; staff decrypt in their own
 * browser with their identity (never uploaded). Custody: every import logs received (the day
 * only), decrypted (who, when, which ciphertext) and imported (the source and its SHA-256).
 */
export async function submissionDetail(tumen: Tumen, id: string) {
  const sub = await tumen.store.intake.submission(id);
  if (sub.status !== 'received') throw new NotFoundError('submission');
  const objects = await tumen.store.intake.objects(id);
  return {
    id: sub.id,
    day: sub.day,
    weaker: sub.weaker === 1,
    replyRecipient: sub.reply_recipient,
    recipients: (await tumen.store.intake.recipients()).map((r) => r.recipient),
    objects: objects.filter((o) => o.status === 'stored').map((o) => ({ id: o.id, kind: o.kind, position: o.position, size: o.size, day: o.day, sha256: o.sha256 })),
  };
}

export async function objectCiphertext(tumen: Tumen, service: IntakeService, objectId: string): Promise<Uint8Array> {
  const o = await tumen.store.intake.object(objectId);
  const sub = await tumen.store.intake.submission(o.submission_id);
  if (o.status !== 'stored' || sub.status !== 'received') throw new NotFoundError('object');
  return readFile(service.files.storedPath(o.submission_id, o.id));
}

/** A reply encrypted in the staff browser to the sender's reply key and to every recipient. */
export async function storeReply(tumen: Tumen, service: IntakeService, id: string, ciphertext: Uint8Array): Promise<{ id: string }> {
  const sub = await tumen.store.intake.submission(id);
  if (!sub.reply_recipient || sub.status !== 'received') throw new IntakeError('bad_receipt_keys', 'This submission has no mailbox: it came through the no-JavaScript form.');
  const recipients = [...(await tumen.store.intake.recipients()).map((r) => r.recipient), sub.reply_recipient];
  checkAgeFile(ciphertext, expectedStanzas(recipients));
  return { id: await service.storeObject(id, 'reply', ciphertext) };
}

/**
 * Turns decrypted bytes of one object into a Tumen source through the ordinary importer, so the
 * evidence keeps these exact bytes; refused unless they hash to what the sender's manifest says.
 */
export async function importAsSource(
  tumen: Tumen,
  actor: Actor,
  input: { submissionId: string; objectId: string; name: string; expectedSha256: string; bytes: Uint8Array },
): Promise<ImportResult> {
  const o = await tumen.store.intake.object(input.objectId);
  const sub = await tumen.store.intake.submission(input.submissionId);
  if (o.submission_id !== sub.id || o.status !== 'stored' || sub.status !== 'received') throw new NotFoundError('object');
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  if (sha256 !== input.expectedSha256.toLowerCase()) throw new IntakeError('framing', 'The decrypted bytes do not match the SHA-256 in the manifest: nothing was imported.');
  const entity = { kind: 'intake', id: sub.id };
  await tumen.store.audit.append(actor, 'intake.received', entity, { day: sub.day });
  await tumen.store.audit.append(actor, 'intake.decrypted', entity, { object: o.id, ciphertextSha256: o.sha256 });
  const result = await importDocument(tumen, input.name, input.bytes, { actor });
  await tumen.store.audit.append(actor, 'intake.imported', entity, { object: o.id, sourceId: result.sourceId ?? null, sha256 });
  return result;
}
