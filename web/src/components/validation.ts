import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldErrors } from './fields.tsx';

const valueAt = (input: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), input);

/**
 * The domain schema's complaints as translated, per-field messages keyed by path ("start.value").
 * `input` is what was checked: an empty value is reported as missing, whatever the rule it broke.
 */
export function issuesToErrors(t: TFunction, issues: z.core.$ZodIssue[], prefix = '', input?: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const key = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
    const value = input === undefined ? undefined : valueAt(input, issue.path);
    const empty = input !== undefined && (value === '' || value === null || value === undefined);
    if (!out[key]) out[key] = empty && issue.code !== 'custom' ? t('form.required') : issueText(t, issue);
  }
  // A date that fails twice (its format, then its calendar check on the whole object) is one field.
  for (const key of Object.keys(out)) if (out[`${key}.value`]) delete out[key];
  return out;
}

function issueText(t: TFunction, issue: z.core.$ZodIssue): string {
  const m = issue.message;
  if (m === 'required' || (issue.code === 'too_small' && (issue as { minimum?: unknown }).minimum === 1)) return t('form.required');
  if (m.startsWith('expected an ISO date prefix') || m.startsWith('expected YYYY')) return t('form.invalidDate');
  if (m === 'no such calendar day') return t('form.noSuchDay');
  if (m === 'range ends before it starts' || m === 'citation ends before it starts') return t('form.rangeOrder');
  if (issue.code === 'invalid_type' && issue.expected === 'number') return t('form.invalidNumber');
  if (issue.code === 'too_big') return t('form.tooLong');
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union') return t('form.chooseOne');
  return t('form.invalid');
}
