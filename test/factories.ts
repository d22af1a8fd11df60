import type { Actor } from '../domain/actor.ts';
import type { SourceInput } from '../domain/sources.ts';
import { sha256Hex } from '../store/support.ts';

/** Writes the default compartment, where everything made without saying otherwise goes. */
export const analyst: Actor = { id: 'user:test-analyst', label: 'Test analyst', role: 'analyst', grants: { default: 'write' } };

let n = 0;
export function buildSource(overrides: Partial<SourceInput> = {}): { input: SourceInput; sha256: string } {
  n += 1;
  const input: SourceInput = {
    kind: 'news_report',
    title: `Report ${n}`,
    publisher: 'Daily NK',
    author: '',
    url: '',
    language: 'en',
    published: { value: '2023-10-10', qualifier: 'exact' },
    retrievedAt: null,
    text: `On October 9 China forcibly repatriated about 600 North Koreans from Dandong. (${n})`,
    reliability: 'B',
    ...overrides,
  };
  return { input, sha256: sha256Hex(input.text) };
}
