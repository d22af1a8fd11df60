import { IntakeError } from '../domain/intake/errors.ts';

/**
 * What the server can check of an age file without any key (age-encryption.org/v1): the header
 * parses and is canonical, it holds exactly one stanza per configured recipient of the right
 * type (age hides which recipient a stanza is for, so count and type are all there is), and the
 * payload length fits age's STREAM framing (16-byte nonce, 64 KiB chunks each with a 16-byte tag,
 * only an empty file may end in an empty chunk). The header MAC and the chunk tags need the file
 * key, so tampering inside them is found by staff on decryption, not here.
 *
 * Fed incrementally (uploads arrive in chunks): `push` checks the header as soon as it is whole,
 * `finish` checks the length. It keeps at most the header in memory.
 */
export type StanzaType = 'X25519' | 'mlkem768x25519';
export type ExpectedStanzas = Readonly<Record<StanzaType, number>>;

const INTRO = 'age-encryption.org/v1\n';
const MAX_HEADER = 256 * 1024;
const CHUNK = 64 * 1024;
const TAG = 16;
const NONCE = 16;
/** Share length (bytes) by stanza type; every native stanza body is a 32-byte wrapped file key. */
const SHARE_BYTES: Record<StanzaType, number> = { X25519: 32, mlkem768x25519: 1120 };
const B64 = /^[A-Za-z0-9+/]*$/;

/** Canonical unpadded base64 → bytes, or null (non-canonical trailing bits are refused). */
function b64(text: string): Uint8Array | null {
  if (!B64.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64').replace(/=+$/, '') === text ? new Uint8Array(bytes) : null;
}

const malformed = (why: string) => new IntakeError('header_malformed', `The age header is malformed: ${why}.`);

/** Parses the header text (without the MAC line's newline) and checks stanzas against `expected`. */
function checkHeader(lines: string[], expected: ExpectedStanzas): void {
  if (lines.length < 4) throw malformed('no recipient stanza before the MAC');
  const counts: Record<string, number> = {};
  let i = 1;
  while (i < lines.length - 1) {
    const line = lines[i]!;
    if (!line.startsWith('-> ')) throw malformed(`line ${i + 1} is not a stanza`);
    const args = line.slice(3).split(' ');
    if (args.some((a) => a === '')) throw malformed('empty stanza argument');
    const body: string[] = [];
    for (i += 1; ; i += 1) {
      if (i >= lines.length - 1) throw malformed('stanza body not terminated');
      const l = lines[i]!;
      if (l.length > 64) throw malformed('stanza body line over 64 columns');
      body.push(l);
      if (l.length < 64) break;
    }
    i += 1;
    const bodyBytes = b64(body.join(''));
    if (!bodyBytes) throw malformed('stanza body is not canonical base64');
    const type = args[0]!;
    counts[type] = (counts[type] ?? 0) + 1;
    if (type in SHARE_BYTES) {
      const share = args.length === 2 ? b64(args[1]!) : null;
      if (!share || share.length !== SHARE_BYTES[type as StanzaType] || bodyBytes.length !== 32) throw malformed(`${type} stanza has the wrong shape`);
    }
  }
  const mac = lines[lines.length - 1]!;
  const macBytes = mac.startsWith('--- ') ? b64(mac.slice(4)) : null;
  if (!macBytes || macBytes.length !== 32) throw malformed('the MAC line is wrong');
  const want = Object.entries(expected).filter(([, n]) => n > 0);
  const ok = Object.keys(counts).length === want.length && want.every(([t, n]) => counts[t] === n);
  if (!ok) {
    throw new IntakeError('wrong_recipients', `The file is not encrypted to exactly this installation's recipients (${want.map(([t, n]) => `${n} ${t}`).join(', ')}).`);
  }
}

/** Valid total payload lengths (nonce + chunks) of an age file. */
export function payloadLengthValid(payload: number): boolean {
  const rest = payload - NONCE;
  if (rest < TAG) return false;
  const full = CHUNK + TAG;
  const last = rest % full;
  const chunks = Math.floor(rest / full);
  if (last === 0) return chunks >= 1; // plaintext a multiple of 64 KiB: last chunk full
  if (last < TAG) return false;
  return last > TAG || chunks === 0; // an empty last chunk only for an empty plaintext
}

export class AgeStructureChecker {
  private head: Buffer[] = [];
  private headLength = 0;
  private headerBytes = -1;
  private total = 0;

  constructor(
    private readonly expected: ExpectedStanzas,
    /** Declared total length: bytes past it are refused, an end before it is truncation. */
    private readonly declared: number,
  ) {}

  get received(): number {
    return this.total;
  }

  push(chunk: Uint8Array): void {
    if (this.total + chunk.length > this.declared) throw new IntakeError('framing', 'More bytes than the object declared.');
    this.total += chunk.length;
    if (this.headerBytes >= 0) return;
    this.head.push(Buffer.from(chunk));
    this.headLength += chunk.length;
    const text = Buffer.concat(this.head).subarray(0, MAX_HEADER + 1);
    const n = Math.min(text.length, INTRO.length);
    if (text.subarray(0, n).toString('latin1') !== INTRO.slice(0, n)) throw new IntakeError('not_age', 'This is not an age-encrypted file (age-encryption.org/v1).');
    const end = findMacLineEnd(text);
    if (end < 0) {
      if (text.length > MAX_HEADER) throw malformed('header too long');
      return;
    }
    const headerText = text.subarray(0, end).toString('latin1');
    if (/[^\x20-\x7e\n]/.test(headerText)) throw malformed('non-printable bytes');
    checkHeader(headerText.split('\n'), this.expected);
    this.headerBytes = end + 1;
    this.head = [];
  }

  /** Call when the declared length has arrived (or the sender says it is done). */
  finish(): void {
    if (this.total < this.declared || this.headerBytes < 0) throw new IntakeError('truncated', 'The encrypted file ends early: upload it again.');
    if (!payloadLengthValid(this.total - this.headerBytes)) throw new IntakeError('framing', "The payload's length is impossible for age: it was cut or padded.");
  }
}

/** Index of the newline that ends the `--- MAC` line, or -1 while it has not arrived. */
function findMacLineEnd(buf: Buffer): number {
  const start = buf.indexOf('\n--- ');
  if (start < 0) return -1;
  return buf.indexOf('\n', start + 1);
}

/** Checks one whole age file in memory (small objects: messages, manifests, replies). */
export function checkAgeFile(bytes: Uint8Array, expected: ExpectedStanzas): void {
  const c = new AgeStructureChecker(expected, bytes.length);
  c.push(bytes);
  c.finish();
}

/** The stanza counts that a set of recipient strings produces (age1pq1… hybrid, age1… X25519). */
export function expectedStanzas(recipients: readonly string[]): ExpectedStanzas {
  const hybrid = recipients.filter((r) => r.startsWith('age1pq1')).length;
  return { X25519: recipients.length - hybrid, mlkem768x25519: hybrid };
}
