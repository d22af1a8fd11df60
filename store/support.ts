import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { v7 as uuidv7 } from 'uuid';

/** Time-ordered ids: keyset pagination by id then follows creation order. */
export const newId = (): string => uuidv7();
export const nowIso = (): string => new Date().toISOString();

/** RFC 8785 canonical JSON, so the same state always hashes the same in both dialects. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined | null): string | null {
  if (!cursor) return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

export function pageOf<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(last.id) : null };
}

export const clampLimit = (limit: number | undefined, max = 500): number =>
  Math.max(1, Math.min(max, Math.floor(limit ?? 50)));
