import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { ImportError, TumenError } from '../../domain/errors.ts';
import { RECORD_KINDS, type RecordKind } from '../../domain/records.ts';
import { sourceInputSchema } from '../../domain/sources.ts';
import { parseOrThrow } from '../../domain/validate.ts';
import type { Store } from '../../store/store.ts';
import type { Tumen } from '../tumen.ts';
import { z } from 'zod';
import { EXPORT_FOOTER, EXPORT_HEADER, type ExportItem } from './export-format.ts';
import { withPendingBlobs, type PendingBlobs } from './pending-blobs.ts';

const text = z.string().max(100_000);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const common = { id: text, createdAt: text, createdBy: text };
/**
 * The shape of each line, checked before anything is written: an export file is input like any
 * other, and a line with a missing field used to surface as a TypeError from deep in the restore.
 * The bodies themselves are validated by the store as on any write.
 */
const exportItemSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('source'), sha256, ...common }),
  z.looseObject({ type: z.literal('evidence'), sourceId: text, sha256, blob: z.string().nullable(), mediaType: text, size: z.number().int().nonnegative(), originalName: text, ...common }),
  z.looseObject({ type: z.literal('record'), kind: text, status: text, version: z.number().int().positive(), updatedAt: text, updatedBy: text, citations: z.array(z.looseObject({})), ...common }),
]);

function checkItem(value: unknown): ExportItem {
  const r = exportItemSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new ImportError('invalid_export', `${issue?.path.join('.') || 'item'}: ${issue?.message ?? 'not a Tumen export item'}`);
  }
  return value as ExportItem;
}

/**
 * Restores a Tumen JSON export, keeping ids, versions and timestamps so that exporting again
 * gives the same bytes. The whole file is one transaction: a bad line anywhere leaves the store
 * as it was. Items already present (same id or same source hash) are skipped, so it is idempotent.
 * Returns the number of items restored.
 */
export async function importExportFile(tumen: Tumen, path: string, actor: Actor): Promise<number> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const header = (await it.next()).value as string | undefined;
  if (header?.trim() !== EXPORT_HEADER) {
    lines.close();
    throw new ImportError('invalid_export', 'This JSON file is not a Tumen export (the first line is not the export header).');
  }
  // A restore writes every compartment it finds: it is the operator's act, whoever asked for it.
  const operator = await tumen.store.accounts.compartments.operatorUnrestricted(actor);
  let restored = 0;
  let lineNo = 1;
  let ended = false;
  // Evidence bytes are written as their items come, before the transaction commits: a crash
  // cannot leave evidence rows without their files, and a failed restore removes what it wrote.
  await withPendingBlobs(tumen, (blobs) => tumen.store.transaction(async (tx) => {
    const deferred: Array<() => Promise<void>> = [];
    for (;;) {
      const next = await it.next();
      if (next.done) break;
      lineNo += 1;
      const line = (next.value as string).trim();
      if (line === EXPORT_FOOTER) {
        ended = true;
        break;
      }
      if (!line) continue;
      let item: ExportItem;
      try {
        item = JSON.parse(line.replace(/,$/, '')) as ExportItem;
      } catch {
        throw new ImportError('invalid_export', `Line ${lineNo} is not valid JSON.`);
      }
      try {
        restored += await restoreItem(tx, operator, checkItem(item), blobs, deferred);
      } catch (err) {
        if (err instanceof TumenError) throw new ImportError('invalid_export', `Line ${lineNo}: ${err.message}`);
        // A value of the wrong type that got past the checks (the driver refuses to bind it): still the line's fault.
        if (err instanceof TypeError || err instanceof RangeError) throw new ImportError('invalid_export', `Line ${lineNo}: the item could not be restored (${err.message.slice(0, 200)}).`);
        throw err;
      }
    }
    if (!ended) throw new ImportError('truncated', 'The export ends before its closing line: the file is truncated.');
    for (const check of deferred) await check();
  }));
  return restored;
}

async function restoreItem(
  tx: Store,
  actor: Actor,
  item: ExportItem,
  blobs: PendingBlobs,
  deferred: Array<() => Promise<void>>,
): Promise<number> {
  switch (item.type) {
    case 'source': {
      if (await tx.sources.findBySha256Unrestricted(item.sha256)) return 0;
      const input = parseOrThrow(sourceInputSchema, item, 'source');
      await tx.sources.create(actor, input, item.sha256, item);
      return 1;
    }
    case 'evidence': {
      if ((await tx.evidence.forSourceUnrestricted(item.sourceId)).some((e) => e.id === item.id)) return 0;
      if (item.blob !== null) {
        const data = Buffer.from(item.blob, 'base64');
        const sha = createHash('sha256').update(data).digest('hex');
        if (sha !== item.sha256) throw new ImportError('invalid_export', `evidence ${item.id}: its bytes do not match their SHA-256`);
        await blobs.put(data);
      }
      const { type, blob, id, createdAt, createdBy, ...file } = item;
      void type;
      void blob;
      await tx.evidence.attach(actor, file, { id, createdAt, createdBy });
      return 1;
    }
    case 'record': {
      if (!RECORD_KINDS.includes(item.kind as RecordKind)) throw new ImportError('invalid_export', `unknown record kind ${String(item.kind)}`);
      const exists = await tx.records.getUnrestricted(item.id, { includeDeleted: true }).then(() => true, () => false);
      if (exists) return 0;
      await tx.records.restore(actor, item);
      deferred.push(() => tx.records.checkReferencesOf(actor, item.id));
      return 1;
    }
    default:
      throw new ImportError('invalid_export', `unknown item type ${String((item as { type?: unknown }).type)}`);
  }
}
