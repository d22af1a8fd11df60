import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldErrors } from './fields.tsx';

/** The domain schema's complaints as translated, per-field messages keyed by path ("start.value"). */
export function issuesToErrors(t: TFunction, issues: z.core.$ZodIssue[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const key = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
    if (!out[key]) out[key] = issueText(t, issue);
  }
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
