import { Encrypter } from 'age-encryption';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AgeStructureChecker, checkAgeFile, expectedStanzas, type ExpectedStanzas } from '../../crypto/age-structure.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { IntakeError } from '../../domain/intake/errors.ts';
import { MAILBOX_KDF_FLOOR } from '../../domain/intake/receipt.ts';
import { IntakeFiles } from '../../store/intake-files.ts';
import type { IntakeObjectRow } from '../../store/intake.repository.ts';
import type { Tumen } from '../tumen.ts';
import { GlobalWindow, PowChallenges } from './limits.ts';

export interface IntakeOptions {
  /** Largest submission (all its ciphertext) in bytes; 2 GiB by default. */
  maxSubmissionBytes?: number;
  /** Largest upload request; the browser sends chunks of this size. */
  chunkBytes?: number;
  powBits?: number;
  /** Submissions per minute across all senders. */
  perMinute?: number;
  /** Every mailbox answer takes at least this long, found or not. */
  mailboxFloorMs?: number;
}

export const DEFAULT_INTAKE = { maxSubmissionBytes: 2 * 1024 ** 3, chunkBytes: 8 * 1024 ** 2, powBits: 18, perMinute: 30, mailboxFloorMs: 500 };
export const MAX_MESSAGE_BYTES = 1024 * 1024;
export type UploadKind = 'message' | 'manifest' | 'file';

const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
const today = () => new Date().toISOString().slice(0, 10);
const HEX = (n: number) => new RegExp(`^[0-9a-f]{${n}}$`);
/** Compared against when no mailbox matches, so both paths do the same work. */
const DUMMY_VERIFIER = sha256('no such mailbox');

export interface PublicIntakeConfig {
  recipients: string[];
  maxSubmissionBytes: number;
  chunkBytes: number;
  pow: { bits: number };
  kdf: { memoryKiB: number; passes: number };
}

export interface MailboxProof {
  mailboxId: string;
  authKey: string;
}

/**
 * The secure intake: a sender's browser encrypts to the staff and escrow recipients, the server
 * checks the structure of what arrives and keeps it exactly as sent. Nothing here takes a
 * request object: there is no address or header to log even by mistake.
 */
export class IntakeService {
  readonly opts: typeof DEFAULT_INTAKE;
  readonly files: IntakeFiles;
  private readonly pow: PowChallenges;
  private readonly window: GlobalWindow;
  private readonly checkers = new Map<string, AgeStructureChecker>();
  private readonly busy = new Set<string>();
  private lastSweep = 0;

  constructor(
    private readonly tumen: Tumen,
    opts: IntakeOptions = {},
  ) {
    this.opts = { ...DEFAULT_INTAKE, ...opts };
    this.files = new IntakeFiles(join(tumen.config.dataDir, 'intake'));
    this.pow = new PowChallenges(this.opts.powBits);
    this.window = new GlobalWindow(this.opts.perMinute);
  }

  private get store() {
    return this.tumen.store.intake;
  }

  async recipients(): Promise<string[]> {
    const rs = (await this.store.recipients()).map((r) => r.recipient);
    if (!rs.length) throw new IntakeError('no_recipients', 'This installation has no intake recipients yet: intake is closed.');
    return rs;
  }

  async publicConfig(): Promise<PublicIntakeConfig> {
    return {
      recipients: await this.recipients(),
      maxSubmissionBytes: this.opts.maxSubmissionBytes,
      chunkBytes: this.opts.chunkBytes,
      pow: { bits: this.opts.powBits },
      kdf: { ...MAILBOX_KDF_FLOOR },
    };
  }

  challenge(): { challenge: string; bits: number } {
    return this.pow.issue();
  }

  private async expected(): Promise<ExpectedStanzas> {
    return expectedStanzas(await this.recipients());
  }

  async createSubmission(req: {
    pow: { challenge: string; nonce: string };
    mailbox: { mailboxId: string; authKey: string; replyRecipient: string };
    objects: Array<{ kind: UploadKind; size: number }>;
  }): Promise<{ id: string; uploadToken: string; objects: Array<{ id: string; kind: string; size: number }> }> {
    const { mailbox, objects } = req;
    if (!HEX(32).test(mailbox.mailboxId) || !HEX(64).test(mailbox.authKey) || !/^age1[02-9ac-hj-np-z]{58}$/.test(mailbox.replyRecipient)) {
      throw new IntakeError('bad_receipt_keys', 'The mailbox keys are not in the expected form.');
    }
    if (objects.filter((o) => o.kind === 'message').length !== 1 || objects.filter((o) => o.kind === 'manifest').length !== 1) {
      throw new IntakeError('incomplete', 'A submission is one message, one manifest and any number of files.');
    }
    const total = objects.reduce((n, o) => n + o.size, 0);
    if (total > this.opts.maxSubmissionBytes) throw new IntakeError('too_large', `The submission is over the limit of ${this.opts.maxSubmissionBytes} bytes.`);
    await this.recipients();
    this.pow.redeem(req.pow.challenge, req.pow.nonce);
    this.window.take();
    await this.sweepAbandoned();
    const id = randomUUID();
    const uploadToken = randomBytes(32).toString('base64url');
    const day = today();
    const rows: IntakeObjectRow[] = objects.map((o, position) => ({ id: randomUUID(), submission_id: id, kind: o.kind, position, size: o.size, status: 'uploading', sha256: null, day }));
    await this.store.createSubmission(
      {
        id,
        day,
        status: 'uploading',
        mailbox_hash: sha256(mailbox.mailboxId),
        auth_verifier: sha256(mailbox.authKey),
        reply_recipient: mailbox.replyRecipient,
        upload_token_hash: sha256(uploadToken),
        size_limit: this.opts.maxSubmissionBytes,
        weaker: 0,
      },
      rows,
    );
    return { id, uploadToken, objects: rows.map((r) => ({ id: r.id, kind: r.kind, size: r.size })) };
  }

  /**
   * Uploads begun before yesterday (UTC) and never finished are deleted, parts and rows: a visit
   * does not last that long, and a half-sent testimony is no use to anyone kept on the server.
   */
  async sweepAbandoned(now = Date.now()): Promise<number> {
    if (now - this.lastSweep < 3_600_000) return 0;
    this.lastSweep = now;
    const ids = await this.store.abandoned(new Date(now - 86_400_000).toISOString().slice(0, 10));
    for (const id of ids) await this.discard(id);
    return ids.length;
  }

  /** The upload's object, if the token is this submission's and it is still uploading; else not found. */
  private async uploading(objectId: string, token: string): Promise<IntakeObjectRow> {
    const obj = await this.store.object(objectId).catch(() => null);
    const sub = obj ? await this.store.submission(obj.submission_id).catch(() => null) : null;
    const want = Buffer.from(sub?.upload_token_hash ?? DUMMY_VERIFIER, 'hex');
    const ok = timingSafeEqual(want, Buffer.from(sha256(token), 'hex'));
    if (!obj || !sub || !ok || sub.status !== 'uploading') throw new NotFoundError('upload');
    return obj;
  }

  async uploadStatus(objectId: string, token: string): Promise<{ received: number; size: number; stored: boolean }> {
    const obj = await this.uploading(objectId, token);
    const received = obj.status === 'stored' ? obj.size : await this.files.received(obj.submission_id, obj.id);
    return { received, size: obj.size, stored: obj.status === 'stored' };
  }

  /** Appends one chunk at `offset`; any structural refusal deletes the whole submission. */
  async uploadChunk(objectId: string, token: string, offset: number, bytes: Uint8Array): Promise<{ received: number; stored: boolean }> {
    const obj = await this.uploading(objectId, token);
    if (obj.status === 'stored') throw new IntakeError('bad_offset', 'This object is complete already.');
    if (this.busy.has(obj.id)) throw new IntakeError('bad_offset', 'Another chunk of this object is on its way: wait for it.');
    this.busy.add(obj.id);
    try {
      const received = await this.files.received(obj.submission_id, obj.id);
      if (offset !== received) throw new IntakeError('bad_offset', `The upload stands at byte ${received}; send from there.`);
      if (received + bytes.length > obj.size) throw new IntakeError(obj.size >= this.opts.maxSubmissionBytes ? 'too_large' : 'framing', 'More bytes than the object declared.');
      try {
        const checker = await this.checkerFor(obj, received);
        checker.push(bytes);
        if (checker.received === obj.size) checker.finish();
      } catch (err) {
        await this.discard(obj.submission_id);
        throw err;
      }
      await this.files.append(obj.submission_id, obj.id, bytes);
      const now = received + bytes.length;
      if (now === obj.size) {
        const hash = await this.files.seal(obj.submission_id, obj.id);
        await this.store.markStored(obj.id, hash);
        this.checkers.delete(obj.id);
      }
      return { received: now, stored: now === obj.size };
    } finally {
      this.busy.delete(obj.id);
    }
  }

  /** The structure checker for an object; rebuilt from the part file after a restart. */
  private async checkerFor(obj: IntakeObjectRow, received: number): Promise<AgeStructureChecker> {
    let c = this.checkers.get(obj.id);
    if (c && c.received === received) return c;
    c = new AgeStructureChecker(await this.expected(), obj.size);
    if (received > 0) for await (const chunk of createReadStream(this.files.partPath(obj.submission_id, obj.id))) c.push(chunk as Buffer);
    this.checkers.set(obj.id, c);
    return c;
  }

  private async discard(submissionId: string): Promise<void> {
    for (const o of await this.store.objects(submissionId)) this.checkers.delete(o.id);
    await this.files.removeSubmission(submissionId);
    await this.store.deleteSubmission(submissionId);
  }

  /** Every object whole: seal the exact time of arrival to the recipients, keep only the day. */
  async finish(submissionId: string, token: string): Promise<{ day: string }> {
    const objects = await this.store.objects(submissionId).catch(() => []);
    const first = objects[0];
    if (!first) throw new NotFoundError('upload');
    await this.uploading(first.id, token);
    if (objects.some((o) => o.status !== 'stored')) throw new IntakeError('incomplete', 'Some parts have not arrived whole yet.');
    await this.addSealed(submissionId, 'received', JSON.stringify({ receivedAt: new Date().toISOString() }));
    await this.store.markReceived(submissionId);
    return { day: (await this.store.submission(submissionId)).day };
  }

  /** Encrypts `plaintext` here, in memory, to the recipients (and `extra`), and stores it. */
  private async addSealed(submissionId: string, kind: string, plaintext: string, extra: string[] = []): Promise<string> {
    const e = new Encrypter();
    for (const r of [...(await this.recipients()), ...extra]) e.addRecipient(r);
    return this.addObject(submissionId, kind, await e.encrypt(plaintext));
  }

  /** Stores a whole, already checked ciphertext object (replies, follow-ups). */
  async storeObject(submissionId: string, kind: string, ciphertext: Uint8Array): Promise<string> {
    return this.addObject(submissionId, kind, ciphertext);
  }

  private async addObject(submissionId: string, kind: string, ciphertext: Uint8Array): Promise<string> {
    const id = randomUUID();
    const position = await this.store.nextPosition(submissionId);
    await this.store.addObject({ id, submission_id: submissionId, kind, position, size: ciphertext.length, status: 'uploading', sha256: null, day: today() });
    await this.store.markStored(id, await this.files.writeWhole(submissionId, id, ciphertext));
    return id;
  }

  /**
   * The no-JavaScript form: the server sees the text for the moment it takes to seal it. Weaker
   * (the server's memory held plaintext; no mailbox, so no replies), and labelled so.
   */
  async submitPlainText(message: string): Promise<{ day: string }> {
    if (!message.trim()) throw new IntakeError('incomplete', 'Write a message first.');
    if (Buffer.byteLength(message) > MAX_MESSAGE_BYTES) throw new IntakeError('too_large', 'The message is too long for this form.');
    await this.recipients();
    this.window.take();
    const id = randomUUID();
    const day = today();
    await this.store.createSubmission({ id, day, status: 'uploading', mailbox_hash: null, auth_verifier: null, reply_recipient: null, upload_token_hash: null, size_limit: MAX_MESSAGE_BYTES, weaker: 1 }, []);
    await this.addSealed(id, 'message', message);
    await this.addSealed(id, 'manifest', JSON.stringify({ version: 1, via: 'no-javascript form, sealed on the server', files: [] }));
    await this.addSealed(id, 'received', JSON.stringify({ receivedAt: new Date().toISOString() }));
    await this.store.markReceived(id);
    return { day };
  }

  /**
   * The submission a receipt opens, or "not found": the same answer, after the same floor of
   * time, for a wrong receipt and an unknown one; the verifier is compared in constant time.
   */
  private async mailbox(proof: MailboxProof): Promise<string> {
    const started = Date.now();
    const wellFormed = HEX(32).test(proof.mailboxId) && HEX(64).test(proof.authKey);
    const row = wellFormed ? await this.store.byMailbox(sha256(proof.mailboxId)) : undefined;
    const want = Buffer.from(row?.auth_verifier ?? DUMMY_VERIFIER, 'hex');
    const ok = timingSafeEqual(want, Buffer.from(sha256(proof.authKey), 'hex')) && Boolean(row) && wellFormed;
    await sleep(Math.max(0, this.opts.mailboxFloorMs - (Date.now() - started)));
    if (!ok || !row) throw new NotFoundError('mailbox');
    return row.id;
  }

  async openMailbox(proof: MailboxProof): Promise<{ day: string; followups: number; replies: Array<{ id: string; day: string; ciphertext: string }> }> {
    const id = await this.mailbox(proof);
    const sub = await this.store.submission(id);
    const objects = await this.store.objects(id);
    const replies = [];
    for (const o of objects.filter((x) => x.kind === 'reply')) {
      const bytes = await readAll(this.files.storedPath(id, o.id));
      replies.push({ id: o.id, day: o.day, ciphertext: Buffer.from(bytes).toString('base64') });
    }
    return { day: sub.day, followups: objects.filter((o) => o.kind === 'followup').length, replies };
  }

  /** A further message from the sender, encrypted in their browser like the first. */
  async addFollowup(proof: MailboxProof, ciphertext: Uint8Array): Promise<{ day: string }> {
    const id = await this.mailbox(proof);
    if (ciphertext.length > MAX_MESSAGE_BYTES) throw new IntakeError('too_large', 'The message is too long.');
    checkAgeFile(ciphertext, await this.expected());
    this.window.take();
    await this.addObject(id, 'followup', ciphertext);
    return { day: today() };
  }

  /** Staff reply: encrypted to the sender's reply recipient and to the recipients (so staff can read it back). */
  async reply(submissionId: string, text: string): Promise<{ id: string }> {
    const sub = await this.store.submission(submissionId);
    if (!sub.reply_recipient || sub.status !== 'received') throw new IntakeError('bad_receipt_keys', 'This submission has no mailbox: it came through the no-JavaScript form.');
    return { id: await this.addSealed(submissionId, 'reply', text, [sub.reply_recipient]) };
  }
}

async function readAll(path: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of createReadStream(path)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
