import { z } from 'zod';
import { dateRangeSchema, partialDateSchema } from './partial-date.ts';
import {
  CASE_RISKS,
  CASE_STATUSES,
  CONSENT_GIVERS,
  CONSENT_USES,
  COUNT_QUALIFIERS,
  EVENT_TYPES,
  FIGURE_QUALIFIERS,
  GEO_PRECISIONS,
  INFO_CREDIBILITY,
  INSTALLATION_KINDS,
  INVOLVEMENT_ROLES,
  OBSERVATION_ACTIONS,
  ORGANIZATION_KINDS,
  PLACE_KINDS,
  RECORD_STATUSES,
} from './vocabulary.ts';

export const idSchema = z.string().uuid();
const text = (max: number) => z.string().trim().max(max);
const nonEmpty = (max: number) => z.string().trim().min(1, 'required').max(max);

/** A citation ties a record to the exact characters of a source it was taken from. */
export const citationInputSchema = z
  .object({
    sourceId: idSchema,
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    quote: z.string().max(20_000),
    note: text(2_000).default(''),
    credibility: z.union(INFO_CREDIBILITY.map((n) => z.literal(n)) as [z.ZodLiteral<1>, ...z.ZodLiteral<number>[]]).default(6),
    rule: z.string().max(200).nullable().default(null),
  })
  .refine((c) => c.end >= c.start, { message: 'citation ends before it starts', path: ['end'] });
export type CitationInput = z.infer<typeof citationInputSchema>;
export type Citation = CitationInput & { id: string; recordId: string; createdAt: string; createdBy: string };

const pointSchema = z.object({
  type: z.literal('Point'),
  coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
});
const lineSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])).min(2),
});
export const geometrySchema = z.union([pointSchema, lineSchema]);

export const personBodySchema = z.object({
  pseudonym: nonEmpty(200),
  sex: z.enum(['female', 'male', 'unknown']).default('unknown'),
  ageGroup: text(50).default(''),
  notes: text(10_000).default(''),
});
/**
 * Fields whose disclosure could identify a person. The store keeps them in a separate column
 * so that they can be encrypted as one unit; nothing else about the person is identifying.
 */
export const personProtectedSchema = z.object({
  realName: text(500).default(''),
  aliases: z.array(text(500)).default([]),
  birthDate: partialDateSchema.nullable().default(null),
  contact: text(2_000).default(''),
  photoSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
  exactLocation: text(2_000).default(''),
});
export type PersonProtected = z.infer<typeof personProtectedSchema>;

export const organizationBodySchema = z.object({
  name: nonEmpty(500),
  aliases: z.array(text(500)).default([]),
  acronym: text(50).default(''),
  kind: z.enum(ORGANIZATION_KINDS).default('other'),
  country: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
  /** Id in Tumen's shipped organisation list (data/organizations.json), when it is one of those. */
  directoryId: text(100).nullable().default(null),
});

export const placeBodySchema = z.object({
  names: z.object({ en: text(500).default(''), ko: text(500).default(''), zh: text(500).default('') }),
  aliases: z.array(text(500)).default([]),
  romanizations: z.object({ mr: text(500).default(''), rr: text(500).default('') }).default({ mr: '', rr: '' }),
  kind: z.enum(PLACE_KINDS).default('other'),
  country: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
  parentId: idSchema.nullable().default(null),
  geometry: geometrySchema.nullable().default(null),
  precision: z.enum(GEO_PRECISIONS).default('unknown'),
  gazetteerId: text(100).nullable().default(null),
});

export const peopleCountSchema = z.object({
  value: z.number().int().min(0),
  qualifier: z.enum(COUNT_QUALIFIERS).default('exact'),
});

export const eventBodySchema = z.object({
  type: z.enum(EVENT_TYPES),
  title: text(500).default(''),
  start: partialDateSchema.nullable().default(null),
  end: partialDateSchema.nullable().default(null),
  placeId: idSchema.nullable().default(null),
  count: peopleCountSchema.nullable().default(null),
  description: text(20_000).default(''),
});

export const involvementBodySchema = z.object({
  eventId: idSchema,
  actorId: idSchema,
  role: z.enum(INVOLVEMENT_ROLES),
  degree: text(200).default(''),
});

export const installationBodySchema = z.object({
  kind: z.enum(INSTALLATION_KINDS),
  label: text(500).default(''),
  placeId: idSchema.nullable().default(null),
  segment: text(200).default(''),
  description: text(10_000).default(''),
});

export const observationBodySchema = z.object({
  installationId: idSchema,
  action: z.enum(OBSERVATION_ACTIONS),
  date: partialDateSchema.nullable().default(null),
  note: text(10_000).default(''),
});

export const figureBodySchema = z.object({
  metric: nonEmpty(500),
  value: z.number().finite(),
  valueMax: z.number().finite().nullable().default(null),
  unit: nonEmpty(100).default('persons'),
  period: dateRangeSchema.nullable().default(null),
  qualifier: z.enum(FIGURE_QUALIFIERS).default('exact'),
  placeId: idSchema.nullable().default(null),
  provisional: z.boolean().default(false),
  /** The analyst's chosen value for its metric, period and place; at most one per group. */
  pinned: z.boolean().default(false),
  note: text(5_000).default(''),
});

export const caseBodySchema = z.object({
  label: nonEmpty(200),
  personId: idSchema.nullable().default(null),
  risk: z.enum(CASE_RISKS).default('unknown'),
  /** Organisations involved (submitting, assisting, detaining authority…); places come from the statuses. */
  organizationIds: z.array(idSchema).max(50).default([]),
  summary: text(20_000).default(''),
});

export const caseStatusBodySchema = z.object({
  caseId: idSchema,
  status: z.enum(CASE_STATUSES),
  date: partialDateSchema.nullable().default(null),
  placeId: idSchema.nullable().default(null),
  note: text(10_000).default(''),
});

/**
 * Who consented to what use of a case, when, through whom, until when. Consent is evidence like
 * any other: the record must cite the passage that records it (a testimony, or a signed note
 * imported as a source). A later consent for the same case supersedes an earlier one.
 */
export const caseConsentBodySchema = z.object({
  caseId: idSchema,
  uses: z.array(z.enum(CONSENT_USES)).min(1).max(CONSENT_USES.length),
  givenBy: z.enum(CONSENT_GIVERS),
  /** Through whom it was obtained (an organisation, a lawyer); never the person's real name. */
  through: text(500).default(''),
  date: partialDateSchema.nullable().default(null),
  expires: partialDateSchema.nullable().default(null),
  /** Demo data only: says so wherever the consent is shown, so it cannot pass for a real one. */
  demoOnly: z.boolean().default(false),
  note: text(5_000).default(''),
});

export const RECORD_BODY_SCHEMAS = {
  person: personBodySchema,
  organization: organizationBodySchema,
  place: placeBodySchema,
  event: eventBodySchema,
  involvement: involvementBodySchema,
  installation: installationBodySchema,
  observation: observationBodySchema,
  figure: figureBodySchema,
  case: caseBodySchema,
  case_status: caseStatusBodySchema,
  case_consent: caseConsentBodySchema,
} as const;

export type RecordKind = keyof typeof RECORD_BODY_SCHEMAS;
export const RECORD_KINDS = Object.keys(RECORD_BODY_SCHEMAS) as RecordKind[];
export type RecordBody<K extends RecordKind> = z.infer<(typeof RECORD_BODY_SCHEMAS)[K]>;

/** Kinds whose every record must cite at least one source passage. */
export const CITED_KINDS: ReadonlySet<RecordKind> = new Set([
  'event',
  'figure',
  'observation',
  'involvement',
  'case_status',
  'case_consent',
]);

export const recordStatusSchema = z.enum(RECORD_STATUSES);

export interface RecordMeta {
  id: string;
  kind: RecordKind;
  status: z.infer<typeof recordStatusSchema>;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
}

export type TumenRecord<K extends RecordKind = RecordKind> = RecordMeta & {
  kind: K;
  body: RecordBody<K>;
  /** Only present for persons, and only for actors allowed to see it. */
  protected?: PersonProtected | null;
  citations: Citation[];
};

export function parseRecordBody<K extends RecordKind>(kind: K, body: unknown): RecordBody<K> {
  return RECORD_BODY_SCHEMAS[kind].parse(body) as RecordBody<K>;
}

/** The ids a record points at, so the store can check they exist and the API can link them. */
export function referencedIds(kind: RecordKind, body: Record<string, unknown>): string[] {
  const keys = ['placeId', 'parentId', 'eventId', 'actorId', 'installationId', 'caseId', 'personId', 'organizationIds'];
  return keys.flatMap((k) => body[k]).filter((v): v is string => typeof v === 'string');
}
