import type { Citation, RecordKind } from '../../domain/records.ts';
import type { EvidenceFile, Source } from '../../domain/sources.ts';

/**
 * Tumen's JSON export: one valid JSON document, written one item per line so that both the
 * writer and the reader can stream it with bounded memory, whatever the number of items.
 *
 *   {"format":"tumen-export","version":1,"items":[
 *   {"type":"source",...},
 *   ...
 *   ]}
 */
export const EXPORT_FORMAT = 'tumen-export';
export const EXPORT_VERSION = 1;
export const EXPORT_HEADER = `{"format":"${EXPORT_FORMAT}","version":${EXPORT_VERSION},"items":[`;
export const EXPORT_FOOTER = ']}';

export type ExportItem =
  | ({ type: 'source' } & Source)
  | ({ type: 'evidence'; blob: string | null } & EvidenceFile)
  | {
      type: 'record';
      id: string;
      kind: RecordKind;
      status: string;
      version: number;
      createdAt: string;
      createdBy: string;
      updatedAt: string;
      updatedBy: string;
      body: unknown;
      protected: unknown;
      citations: Citation[];
    };
