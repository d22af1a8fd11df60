import { createCipheriv, randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { decryptBuffer, encryptBuffer } from '../crypto/blob-cipher.ts';
import { generateCheckpointKeyPair, signCheckpoint } from '../crypto/checkpoint.ts';
import { ARGON2ID_PROFILES, deriveKey, hashPassword, newSalt } from '../crypto/kdf.ts';
import { MerkleFrontier } from '../crypto/merkle-log.ts';
import { HASH_LENGTH, inclusionProof, leafHash, rootFromLeafHashes } from '../crypto/merkle.ts';
import { machineLine, percentile } from './machine.ts';

/**
 * Cost of the cryptographic core on this machine: argon2id per profile, chunked blob encryption
 * against raw single-shot AES-256-GCM on the same bytes in the same run (the ratio is what
 * carries across machines), and the Merkle log at a million entries.
 */
async function timeMs(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function median(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeMs(fn));
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

/** The baseline: one cipher over the whole buffer, no copies beyond the output Node allocates. */
function rawGcm(key: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
  const out = cipher.update(data);
  cipher.final();
  cipher.getAuthTag();
  return out;
}

async function benchArgon2(): Promise<void> {
  for (const [name, p] of Object.entries(ARGON2ID_PROFILES)) {
    const salt = newSalt();
    await deriveKey('warm-up passphrase', salt, p);
    const ms =
      name === 'login'
        ? await median(7, () => hashPassword('bench password', p))
        : await median(5, () => deriveKey('bench passphrase', salt, p));
    console.log(
      `argon2id ${name.padEnd(9)} m=${p.memoryKiB / 1024} MiB t=${p.iterations} p=${p.parallelism}: ${ms.toFixed(0)} ms per hash (median)`,
    );
  }
}

async function benchBlob(): Promise<void> {
  const size = 64 * 1024 * 1024;
  const data = randomBytes(size);
  const master = randomBytes(32);
  const key = randomBytes(32);
  rawGcm(key, data.subarray(0, 1 << 20));
  encryptBuffer(master, 'warm-up', data.subarray(0, 1 << 20));
  // Interleave the two so thermal or scheduler drift hits both alike; best of 5 each.
  const raw: number[] = [];
  const chunked: number[] = [];
  let blob: Buffer = Buffer.alloc(0);
  for (let i = 0; i < 5; i++) {
    raw.push(await timeMs(() => rawGcm(key, data)));
    chunked.push(await timeMs(() => (blob = encryptBuffer(master, 'bench-blob', data))));
  }
  const dec: number[] = [];
  for (let i = 0; i < 3; i++) dec.push(await timeMs(() => decryptBuffer(master, 'bench-blob', blob)));
  const mbs = (ms: number) => size / 1e6 / (ms / 1000);
  const r = Math.min(...raw);
  const c = Math.min(...chunked);
  console.log(
    `blob 64 MiB: raw single-shot AES-256-GCM ${mbs(r).toFixed(0)} MB/s; chunked (64 KiB) encrypt ${mbs(c).toFixed(0)} MB/s, decrypt ${mbs(Math.min(...dec)).toFixed(0)} MB/s (best of 5/5/3)`,
  );
  console.log(`blob ratio chunked/raw encrypt throughput: ${(r / c).toFixed(2)} (1.00 = no cost for chunking)`);
}

async function benchMerkle(n = 1_000_000): Promise<void> {
  // Leaf hashes live in one 32 MiB buffer, as a DB column scan would hand them over.
  const leaves = Buffer.allocUnsafe(n * HASH_LENGTH);
  const tLeaf = await timeMs(() => {
    for (let i = 0; i < n; i++) leafHash(Buffer.from(`audit entry ${i}`)).copy(leaves, i * HASH_LENGTH);
  });
  const leaf = (i: number) => leaves.subarray(i * HASH_LENGTH, (i + 1) * HASH_LENGTH);
  const log = MerkleFrontier.empty();
  const tAppend = await timeMs(() => {
    for (let i = 0; i < n; i++) log.append(leaf(i));
  });
  console.log(
    `merkle: ${n.toLocaleString('en-US')} appends in ${tAppend.toFixed(0)} ms = ${((tAppend * 1000) / n).toFixed(2)} µs per append (leaf hashing ${((tLeaf * 1000) / n).toFixed(2)} µs more); frontier ${log.toState().hashes.length} hashes`,
  );
  const { privateKey } = generateCheckpointKeyPair();
  const cpMs = await median(200, () =>
    signCheckpoint(privateKey, {
      origin: 'bench.example/log',
      treeSize: log.size,
      rootHash: log.root(),
      timestamp: Date.now(),
    }),
  );
  console.log(
    `checkpoint at ${n.toLocaleString('en-US')} entries (root from frontier + Ed25519 sign): ${cpMs.toFixed(3)} ms (median of 200)`,
  );
  const earlier = n - 12_345;
  const tRoot = await timeMs(() => rootFromLeafHashes(earlier, leaf));
  const tProof = await timeMs(() => inclusionProof(4242, n, leaf));
  console.log(
    `from stored leaf hashes, O(n): root of an earlier size (${earlier.toLocaleString('en-US')}) ${tRoot.toFixed(0)} ms; one inclusion proof at ${n.toLocaleString('en-US')} ${tProof.toFixed(0)} ms`,
  );
}

export async function benchCrypto(): Promise<void> {
  console.log('\n## crypto: argon2id, chunked blob cipher, Merkle log');
  console.log(machineLine());
  await benchArgon2();
  await benchBlob();
  await benchMerkle();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchCrypto();
}
