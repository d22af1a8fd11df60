import { Decrypter, identityToRecipient } from 'age-encryption';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { solvePow } from '../../domain/intake/pow.ts';
import { deriveMailbox, generateReceipt, normalizeReceipt, type MailboxKeys } from '../../domain/intake/receipt.ts';
import { canStrip, revealed, stripJpeg } from './exif.ts';
import { encryptedFile, encrypter, json, uploadObject, type Config } from './upload.ts';

/**
 * The public intake page. Everything sensitive happens here, in memory: the receipt, the keys
 * derived from it, the plaintext. Nothing is written to storage, no service worker, and the
 * address bar never changes, so the device keeps no trace beyond ordinary browser history.
 */
const lang = document.body.dataset.lang === 'ko' ? 'ko' : 'en';
const T = {
  ko: { encrypting: '브라우저에서 암호화하는 중…', working: '보내기 전 확인 중…', uploading: '보내는 중', done: '보냈습니다.', tooLarge: '제출물이 한도를 넘습니다.', badReceipt: '영수증 단어가 맞지 않습니다.', opening: '여는 중…', none: '아직 답장이 없습니다.', nothing: '이 영수증으로 열리는 우편함이 없습니다.', location: '위치', device: '기기', time: '시각', clean: '드러나는 정보 없음', sentMore: '추가 메시지를 보냈습니다.' },
  en: { encrypting: 'Encrypting in your browser…', working: 'Checking before sending…', uploading: 'Sending', done: 'Sent.', tooLarge: 'The submission is over the limit.', badReceipt: 'These are not receipt words.', opening: 'Opening…', none: 'No replies yet.', nothing: 'No mailbox opens with this receipt.', location: 'Location', device: 'Device', time: 'Time', clean: 'Nothing revealed', sentMore: 'Your further message was sent.' },
}[lang];

const $ = <E extends HTMLElement>(id: string) => document.getElementById(id) as E;
const status = (text: string) => void ($('status').textContent = text);
const stripChoice = new Map<number, boolean>();

async function showReveals(files: File[]): Promise<void> {
  const box = $('exif');
  box.replaceChildren();
  stripChoice.clear();
  for (const [i, f] of files.entries()) {
    const r = await revealed(f);
    const p = document.createElement('p');
    const parts = r ? [r.location && `${T.location}: ${r.location}`, r.device && `${T.device}: ${r.device}`, r.time && `${T.time}: ${r.time}`].filter(Boolean) : [];
    p.append(`${f.name}: ${parts.length ? parts.join(' · ') : T.clean} `);
    if (canStrip(f)) {
      const label = document.createElement('label');
      const cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.className = 'strip';
      cb.addEventListener('change', () => stripChoice.set(i, cb.checked));
      label.append(cb, ` ${$('exif').dataset.strip ?? 'strip'}`);
      p.append(label);
    }
    box.append(p);
  }
}

const hex = async (b: Blob) => bytesToHex(sha256(new Uint8Array(await b.arrayBuffer())));

async function send(config: Config): Promise<void> {
  const message = $<HTMLTextAreaElement>('message').value;
  const files = [...($<HTMLInputElement>('files').files ?? [])];
  status(T.encrypting);
  const receipt = generateReceipt(lang);
  const keys = await deriveMailbox(receipt, config.kdf);
  const replyRecipient = await identityToRecipient(keys.replyIdentity);
  const prepared = await Promise.all(
    files.map(async (f, i) => {
      const strip = Boolean(stripChoice.get(i));
      const blob = (strip && (await stripJpeg(f))) || f;
      const r = await revealed(f);
      return { f, blob, stripped: blob !== f, originalSha256: blob !== f ? await hex(f) : null, revealed: { location: Boolean(r?.location), device: Boolean(r?.device), time: Boolean(r?.time) } };
    }),
  );
  const enc = await Promise.all(prepared.map((p) => encryptedFile(p.blob, config.recipients)));
  const sentAt = new Date().toISOString();
  const manifestText = (hashes: string[]) =>
    JSON.stringify({
      version: 1,
      language: lang,
      consent: $<HTMLInputElement>('consent').checked,
      sentAt,
      files: prepared.map((p, i) => ({ name: p.f.name, type: p.f.type || 'application/octet-stream', size: p.blob.size, sha256: hashes[i], stripped: p.stripped, originalSha256: p.originalSha256, revealed: p.revealed })),
    });
  const placeholder = await encrypter(config.recipients).encrypt(manifestText(prepared.map(() => '0'.repeat(64))));
  const messageCt = await encrypter(config.recipients).encrypt(message);
  const objects = [{ kind: 'message', size: messageCt.length }, ...enc.map((e) => ({ kind: 'file', size: e.size })), { kind: 'manifest', size: placeholder.length }];
  const total = objects.reduce((n, o) => n + o.size, 0);
  if (total > config.maxSubmissionBytes) throw new Error(T.tooLarge);
  status(T.working);
  const c = await json<{ challenge: string; bits: number }>('POST', '/intake/api/challenge');
  const pow = { challenge: c.challenge, nonce: solvePow(c.challenge, c.bits) };
  const created = await json<{ id: string; uploadToken: string; objects: Array<{ id: string }> }>('POST', '/intake/api/submissions', { pow, mailbox: { mailboxId: keys.mailboxId, authKey: keys.authKey, replyRecipient }, objects });
  let done = 0;
  const progress = (base: number) => (n: number) => status(`${T.uploading} ${Math.floor(((base + n) / total) * 100)}%`);
  const ids = created.objects.map((o) => o.id);
  await uploadObject(ids[0]!, created.uploadToken, messageCt, config.chunkBytes, progress(done));
  done += messageCt.length;
  for (const [i, e] of enc.entries()) {
    await uploadObject(ids[i + 1]!, created.uploadToken, e.stream, config.chunkBytes, progress(done));
    done += e.size;
  }
  const manifestCt = await encrypter(config.recipients).encrypt(manifestText(await Promise.all(enc.map((e) => e.sha256))));
  await uploadObject(ids[ids.length - 1]!, created.uploadToken, manifestCt, config.chunkBytes, progress(done));
  await json('POST', `/intake/api/submissions/${created.id}/finish`, undefined, { authorization: `Intake ${created.uploadToken}` });
  $('send').hidden = true;
  $('receipt-words').textContent = receipt;
  $('receipt').hidden = false;
  status(T.done);
}

let opened: MailboxKeys | null = null;

async function openMailbox(config: Config): Promise<void> {
  const receipt = normalizeReceipt($<HTMLInputElement>('receipt-input').value);
  if (!receipt) throw new Error(T.badReceipt);
  status(T.opening);
  const keys = await deriveMailbox(receipt, config.kdf);
  const box = await json<{ replies: Array<{ day: string; ciphertext: string }> }>('POST', '/intake/api/mailbox', { mailboxId: keys.mailboxId, authKey: keys.authKey }).catch(() => {
    throw new Error(T.nothing);
  });
  opened = keys;
  const d = new Decrypter();
  d.addIdentity(keys.replyIdentity);
  const list = $('replies');
  list.replaceChildren();
  for (const r of box.replies) {
    const text = await d.decrypt(Uint8Array.from(atob(r.ciphertext), (ch) => ch.charCodeAt(0)), 'text');
    const p = document.createElement('p');
    p.className = 'reply';
    p.textContent = `${r.day}: ${text}`;
    list.append(p);
  }
  if (!box.replies.length) list.textContent = T.none;
  $('followup-box').hidden = false;
  status('');
}

async function sendFollowup(config: Config): Promise<void> {
  if (!opened) return;
  const ct = await encrypter(config.recipients).encrypt($<HTMLTextAreaElement>('followup').value);
  let bin = '';
  for (const b of ct) bin += String.fromCharCode(b);
  await json('POST', '/intake/api/mailbox/messages', { mailboxId: opened.mailboxId, authKey: opened.authKey, ciphertext: btoa(bin) });
  $<HTMLTextAreaElement>('followup').value = '';
  status(T.sentMore);
}

function guard(fn: () => Promise<void>): () => void {
  return () => void fn().catch((err: unknown) => status(err instanceof Error ? err.message : String(err)));
}

async function start(): Promise<void> {
  const config = await json<Config>('GET', '/intake/api/config');
  $('send').hidden = false;
  $('return').hidden = false;
  $<HTMLInputElement>('files').addEventListener('change', guard(() => showReveals([...($<HTMLInputElement>('files').files ?? [])])));
  $('send').addEventListener('submit', (e) => {
    e.preventDefault();
    guard(() => send(config))();
  });
  $('return').addEventListener('submit', (e) => {
    e.preventDefault();
    guard(() => openMailbox(config))();
  });
  $('followup-button').addEventListener('click', guard(() => sendFollowup(config)));
}

void start().catch((err: unknown) => status(err instanceof Error ? err.message : String(err)));
