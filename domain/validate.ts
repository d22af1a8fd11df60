import type { z } from 'zod';
import { ValidationError } from './errors.ts';

/** Parses or throws a ValidationError naming the first bad field, e.g. "body.start.value: …". */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const path = [what, ...(first?.path ?? [])].map(String).join('.');
  throw new ValidationError(`${path}: ${first?.message ?? 'invalid'}`, r.error.issues);
}
