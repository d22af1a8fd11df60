import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { TumenError } from '../../domain/errors.ts';

/**
 * A backup file:
 *   "TUMENBAK" | u32 BE header length | header JSON (format version, KDF salt and cost)
 *   then crypto/blob-format.ts chunked AES-256-GCM of the container below, under a key
 *   derived with argon2id from the backup passphrase. The header is authenticated: its
 *   SHA-256 is the blob id bound into the wrapped data key, so editing it fails to decrypt.
 *
 * Container (plaintext inside the encryption): entries `0x01 | u16 name length | name |
 * u64 size | bytes`, then `0x00`. Our own ten-line format instead of tar: the outer layer is
 * our cipher anyway, so no standard tool could open the archive; and tar's links, modes and
 * owners are semantics a restore must refuse (node-tar's path-traversal CVEs), where here
 * names are checked against a short allowlist and nothing else exists.
 */
export const ARCHIVE_MAGIC = Buffer.from('TUMENBAK', 'latin1');
export const ARCHIVE_VERSION = 1;
const MAX_HEADER = 64 * 1024;

export interface ArchiveHeader {
  format: 'tumen-backup';
  version: number;
  kdf: { algorithm: 'argon2id'; salt: string; memoryKiB: number; iterations: number; parallelism: number };
  createdAt: string;
}

export class BackupError extends TumenError {
  constructor(reason: 'not_backup' | 'newer' | 'wrong_passphrase' | 'truncated' | 'damaged' | 'target_not_empty' | 'target_not_empty_db' | 'needs_master_key', message: string) {
    super(`backup_${reason}`, message);
  }
}

export function encodeHeader(h: ArchiveHeader): Buffer {
  const json = Buffer.from(JSON.stringify(h), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([ARCHIVE_MAGIC, len, json]);
}

export async function readHeader(path: string): Promise<{ header: ArchiveHeader; bytes: Buffer }> {
  const fh = await open(path, 'r');
  try {
    const fixed = Buffer.alloc(12);
    const { bytesRead } = await fh.read(fixed, 0, 12, 0);
    if (bytesRead < 12 || !fixed.subarray(0, 8).equals(ARCHIVE_MAGIC)) throw new BackupError('not_backup', `${path} is not a Tumen backup`);
    const len = fixed.readUInt32BE(8);
    if (len > MAX_HEADER) throw new BackupError('damaged', `${path}: the backup header is damaged`);
    const json = Buffer.alloc(len);
    if ((await fh.read(json, 0, len, 12)).bytesRead < len) throw new BackupError('truncated', `${path} is truncated`);
    let header: ArchiveHeader;
    try {
      header = JSON.parse(json.toString('utf8')) as ArchiveHeader;
    } catch {
      throw new BackupError('damaged', `${path}: the backup header is damaged`);
    }
    if (header?.format !== 'tumen-backup') throw new BackupError('not_backup', `${path} is not a Tumen backup`);
    if (typeof header.version !== 'number' || header.version > ARCHIVE_VERSION) {
      throw new BackupError('newer', `${path} is a version ${String(header.version)} backup, newer than this Tumen reads (${ARCHIVE_VERSION}): restore it with a newer Tumen`);
    }
    return { header, bytes: Buffer.concat([fixed, json]) };
  } finally {
    await fh.close();
  }
}

export const archiveBlobId = (headerBytes: Buffer) => `tumen-backup/v1/${createHash('sha256').update(headerBytes).digest('hex')}`;

/** Every name a restore accepts. Nothing else is written, so no name can escape the target. */
const ALLOWED = /^(manifest\.json|keys\.json|database\.sqlite|database\.jsonl|blobs\/hmac-sha256\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}|intake\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.age)$/;

export function entryHead(name: string, size: number): Buffer {
  if (!ALLOWED.test(name)) throw new Error(`backup entry name not allowed: ${name}`);
  const n = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(1 + 2 + n.length + 8);
  h[0] = 1;
  h.writeUInt16BE(n.length, 1);
  n.copy(h, 3);
  h.writeBigUInt64BE(BigInt(size), 3 + n.length);
  return h;
}
export const END_OF_ARCHIVE = Buffer.of(0);

/** Pulls exact byte counts out of a chunked stream. */
class ByteReader {
  private pending: Buffer = Buffer.alloc(0);
  constructor(private readonly it: AsyncIterator<Buffer>) {}
  private async fill(n: number): Promise<void> {
    while (this.pending.length < n) {
      const next = await this.it.next();
      if (next.done) throw new BackupError('damaged', 'the backup ends inside an entry');
      this.pending = this.pending.length ? Buffer.concat([this.pending, next.value]) : next.value;
    }
  }
  async take(n: number): Promise<Buffer> {
    await this.fill(n);
    const out = this.pending.subarray(0, n);
    this.pending = this.pending.subarray(n);
    return out;
  }
  /** Up to `max` bytes, whatever is at hand: file bodies are copied without buffering them whole. */
  async some(max: number): Promise<Buffer> {
    await this.fill(1);
    return this.take(Math.min(max, this.pending.length));
  }
  async atEnd(): Promise<boolean> {
    if (this.pending.length) return false;
    const next = await this.it.next();
    if (next.done) return true;
    this.pending = next.value;
    return false;
  }
}

/** Writes each entry under `dir`; returns the names written. Throws on anything unexpected. */
export async function unpack(source: AsyncIterable<Buffer>, dir: string): Promise<string[]> {
  const r = new ByteReader(source[Symbol.asyncIterator]());
  const names: string[] = [];
  for (;;) {
    const kind = (await r.take(1))[0];
    if (kind === 0) break;
    if (kind !== 1) throw new BackupError('damaged', 'the backup has an unknown entry type');
    const name = (await r.take((await r.take(2)).readUInt16BE(0))).toString('utf8');
    if (!ALLOWED.test(name) || names.includes(name)) throw new BackupError('damaged', `the backup has an unexpected entry "${name.slice(0, 80)}"`);
    let left = Number((await r.take(8)).readBigUInt64BE(0));
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const out = createWriteStream(path, { mode: 0o600 });
    while (left > 0) {
      const part = await r.some(left);
      left -= part.length;
      if (!out.write(part)) await new Promise<void>((ok) => out.once('drain', () => ok()));
    }
    out.end();
    await finished(out);
    names.push(name);
  }
  if (!(await r.atEnd())) throw new BackupError('damaged', 'the backup has bytes after its end');
  return names;
}
