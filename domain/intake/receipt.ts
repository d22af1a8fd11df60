import { argon2idAsync } from '@noble/hashes/argon2.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { x25519IdentityString } from './bech32.ts';
import { ENGLISH_WORDS } from './words-english.ts';
import { KOREAN_WORDS } from './words-korean.ts';

/**
 * The receipt is the only thing that ties a person to their submission: 8 words from a
 * 2048-word list (88 bits). The server never sees it; the browser derives from it, with
 * Argon2id and HKDF, the mailbox id, the key that proves knowledge of it, and the X25519
 * identity that opens staff replies.
 */
export type ReceiptLanguage = 'en' | 'ko';
export const RECEIPT_WORDS = 8;
const LISTS: Record<ReceiptLanguage, readonly string[]> = { en: ENGLISH_WORDS, ko: KOREAN_WORDS };
const INDEX: Record<ReceiptLanguage, Map<string, number>> = {
  en: new Map(ENGLISH_WORDS.map((w, i) => [w, i])),
  ko: new Map(KOREAN_WORDS.map((w, i) => [w, i])),
};

/** Argon2id cost floor the client refuses to go below, whatever a (possibly hostile) server says. */
export const MAILBOX_KDF_FLOOR = { memoryKiB: 19_456, passes: 2 } as const;
export interface MailboxKdfParams {
  memoryKiB: number;
  passes: number;
}

export function generateReceipt(lang: ReceiptLanguage, words = RECEIPT_WORDS): string {
  const list = LISTS[lang];
  const random = new Uint16Array(Math.max(words, RECEIPT_WORDS));
  globalThis.crypto.getRandomValues(random);
  // 65536 is a multiple of 2048, so the low 11 bits are uniform: no modulo bias.
  return Array.from(random, (r) => list[r & 0x7ff]!).join(' ');
}

/** The canonical receipt (NFC, lower case, single spaces), or null if it is not 8+ words of one list. */
export function normalizeReceipt(text: string): string | null {
  const words = text.normalize('NFC').toLowerCase().split(/\s+/u).filter(Boolean);
  if (words.length < RECEIPT_WORDS) return null;
  const lang = (['en', 'ko'] as const).find((l) => words.every((w) => INDEX[l].has(w)));
  return lang ? words.join(' ') : null;
}

export interface MailboxKeys {
  /** Names the mailbox; the server keeps only its SHA-256. */
  mailboxId: string;
  /** Proves the receipt; the server keeps only its SHA-256. */
  authKey: string;
  /** age X25519 identity (AGE-SECRET-KEY-1…) that opens replies; never leaves the browser. */
  replyIdentity: string;
}

export async function deriveMailbox(receipt: string, params: MailboxKdfParams = MAILBOX_KDF_FLOOR): Promise<MailboxKeys> {
  const canonical = normalizeReceipt(receipt);
  if (!canonical) throw new Error('not a receipt: 8 or more words from the Korean or English list');
  const memoryKiB = Math.max(params.memoryKiB, MAILBOX_KDF_FLOOR.memoryKiB);
  const passes = Math.max(params.passes, MAILBOX_KDF_FLOOR.passes);
  const seed = await argon2idAsync(utf8ToBytes(canonical), utf8ToBytes('tumen-intake-receipt-v1'), { m: memoryKiB, t: passes, p: 1, dkLen: 32 });
  const part = (label: string, len: number) => hkdf(sha256, seed, undefined, utf8ToBytes(`tumen-intake ${label}`), len);
  return {
    mailboxId: bytesToHex(part('mailbox-id', 16)),
    authKey: bytesToHex(part('auth-key', 32)),
    replyIdentity: x25519IdentityString(part('reply-identity', 32)),
  };
}
