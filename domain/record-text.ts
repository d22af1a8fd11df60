import type { RecordBody, RecordKind } from './records.ts';
import { interval, rangeInterval, type PartialDate } from './partial-date.ts';

type AnyBody = RecordBody<RecordKind>;

/** The one-line name a record goes by in lists, search results and exports. */
export function recordLabel(kind: RecordKind, body: AnyBody): string {
  const b = body as Record<string, any>;
  switch (kind) {
    case 'person':
      return b.pseudonym;
    case 'organization':
      return b.acronym ? `${b.name} (${b.acronym})` : b.name;
    case 'place':
      return [b.names.en, b.names.ko, b.names.zh].filter(Boolean).join(' / ') || b.aliases[0] || '(unnamed place)';
    case 'event':
      return b.title || `${b.type.replace(/_/g, ' ')}${b.start ? ` ${b.start.value}` : ''}`;
    case 'installation':
      return b.label || b.kind.replace(/_/g, ' ');
    case 'observation':
      return `${b.action}${b.date ? ` ${b.date.value}` : ''}`;
    case 'figure':
      return `${b.metric}: ${b.value}${b.valueMax != null ? `–${b.valueMax}` : ''} ${b.unit}`;
    case 'case':
      return b.label;
    case 'case_status':
      return `${b.status.replace(/_/g, ' ')}${b.date ? ` ${b.date.value}` : ''}`;
    case 'involvement':
      return b.role;
    case 'case_consent':
      return `consent: ${b.uses.join(', ')}${b.date ? ` ${b.date.value}` : ''}`;
  }
}

/** Free text worth indexing. Protected person fields are never part of it. */
export function recordSearchText(kind: RecordKind, body: AnyBody): string {
  const b = body as Record<string, any>;
  switch (kind) {
    case 'person':
      return b.notes;
    case 'organization':
      return [b.name, ...b.aliases, b.acronym].join(' ');
    case 'place':
      return [b.names.en, b.names.ko, b.names.zh, ...b.aliases, b.romanizations.mr, b.romanizations.rr].join(' ');
    case 'event':
      return [b.title, b.description].join(' ');
    case 'installation':
      return [b.label, b.segment, b.description].join(' ');
    case 'observation':
    case 'case_status':
    case 'case_consent':
      return b.note;
    case 'figure':
      return [b.metric, b.note].join(' ');
    case 'case':
      return b.summary;
    case 'involvement':
      return b.degree;
  }
}

/** The subtype a record is filtered by: event type, installation kind, case status… */
export function recordType(kind: RecordKind, body: AnyBody): string | null {
  const b = body as Record<string, any>;
  switch (kind) {
    case 'event':
    case 'organization':
    case 'place':
    case 'installation':
      return b.kind ?? b.type ?? null;
    case 'observation':
      return b.action;
    case 'case_status':
      return b.status;
    case 'involvement':
      return b.role;
    case 'figure':
      return b.unit;
    case 'case_consent':
      return b.givenBy;
    case 'person':
    case 'case':
      return null;
  }
}

export function recordDates(kind: RecordKind, body: AnyBody): { lo: string; hi: string } | null {
  const b = body as Record<string, any>;
  if (kind === 'event' && (b.start || b.end)) return rangeInterval({ start: b.start, end: b.end ?? b.start });
  if (kind === 'figure' && b.period) return rangeInterval(b.period);
  const d: PartialDate | null = kind === 'observation' || kind === 'case_status' || kind === 'case_consent' ? b.date : null;
  return d ? interval(d) : null;
}

export function recordPlaceId(body: AnyBody): string | null {
  return (body as { placeId?: string | null }).placeId ?? null;
}

export function recordParentId(kind: RecordKind, body: AnyBody): string | null {
  const b = body as Record<string, any>;
  if (kind === 'involvement') return b.eventId;
  if (kind === 'observation') return b.installationId;
  if (kind === 'case_status' || kind === 'case_consent') return b.caseId;
  if (kind === 'place') return b.parentId;
  return null;
}
