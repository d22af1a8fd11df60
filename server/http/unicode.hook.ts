import type { FastifyInstance } from 'fastify';
import { TumenError } from '../../domain/errors.ts';

/** A string that is not valid Unicode (a lone UTF-16 surrogate): JSON allows it, nothing downstream should see it. */
export class InvalidUnicodeError extends TumenError {
  constructor(where: string) {
    super('invalid_unicode', `${where}: contains a lone surrogate (\\ud800–\\udfff), which is not valid Unicode text.`);
  }
}

const LONE_SURROGATE = /\p{Cs}/u;
const illFormed = (s: string) => LONE_SURROGATE.test(s);

/**
 * The path of the first string (value or key) in `value` that is not well-formed UTF-16, or
 * null. Iterative: JSON.parse accepts any nesting depth, and a deep body must not overflow us.
 */
export function firstIllFormed(value: unknown, path: string): string | null {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (illFormed(v)) return at;
    } else if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
      const list = Array.isArray(v);
      for (const [k, child] of Object.entries(v)) {
        const here = list ? `${at}[${k}]` : `${at}.${k}`;
        if (illFormed(k)) return here;
        stack.push([child, here]);
      }
    }
  }
  return null;
}

/**
 * Rejects ill-formed Unicode in the body, query, route parameters and headers of every request
 * with 400 invalid_unicode, before any route sees it: a lone surrogate would otherwise reach
 * canonical JSON, hashing or the database driver, each of which fails differently.
 */
export function registerUnicodeCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const bad =
      firstIllFormed(req.query, 'query') ??
      firstIllFormed(req.params, 'params') ??
      firstIllFormed(req.body, 'body') ??
      firstIllFormed(req.headers, 'headers');
    if (bad) throw new InvalidUnicodeError(bad);
  });
}
