import type { Actor } from '../../domain/actor.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { printPdf } from '../render/print-pdf.ts';
import { APPEAL_KINDS, draftAppeal, type AppealKind, type AppealOptions } from './appeal-draft.ts';
import { appealHtml } from './appeal-html.ts';

/** docx needs the `docx` package, which this build does not ship: asked for, it is refused by name. */
export const APPEAL_FORMATS = ['html', 'pdf'] as const;
export type AppealFormat = (typeof APPEAL_FORMATS)[number];

export function parseAppealRequest(kind: string, format: string): { kind: AppealKind; format: AppealFormat } {
  if (!(APPEAL_KINDS as readonly string[]).includes(kind)) throw new ValidationError(`unknown appeal kind "${kind}" (use ${APPEAL_KINDS.join(' or ')})`);
  if (format === 'docx') throw new ValidationError('docx output is not available in this build (it needs the docx package): use html or pdf');
  if (!(APPEAL_FORMATS as readonly string[]).includes(format)) throw new ValidationError(`unknown format "${format}" (use html or pdf)`);
  return { kind: kind as AppealKind, format: format as AppealFormat };
}

/** The finished document's bytes; every refusal happens before any byte exists. */
export async function renderAppeal(store: Store, actor: Actor, caseId: string, opts: AppealOptions & { format: AppealFormat }): Promise<{ bytes: Buffer; mediaType: string }> {
  const html = appealHtml(await draftAppeal(store, actor, caseId, opts));
  if (opts.format === 'html') return { bytes: Buffer.from(html, 'utf8'), mediaType: 'text/html; charset=utf-8' };
  return { bytes: await printPdf(html), mediaType: 'application/pdf' };
}
