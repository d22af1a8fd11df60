import { z } from 'zod';
import { APPEAL_KINDS } from '../../../app/appeals/appeal-draft.ts';
import { CASE_RISKS, CASE_STATUSES } from '../../../domain/vocabulary.ts';

export const caseRegisterQuerySchema = z.object({
  status: z.enum(CASE_STATUSES).optional().describe('latest status on the timeline'),
  risk: z.enum(CASE_RISKS).optional(),
  minDays: z.coerce.number().int().min(0).max(100_000).optional().describe('no news for at least this many days'),
  maxDays: z.coerce.number().int().min(0).max(100_000).optional().describe('news within this many days'),
});

export const caseListItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  risk: z.string(),
  latestStatus: z.string().nullable(),
  lastNews: z.string().nullable(),
  daysSinceLastNews: z.number().int().nullable(),
  updatedAt: z.string(),
  compartments: z.array(z.string()),
  person: z.string().nullable(),
  places: z.array(z.string()),
  statuses: z.number().int(),
  unCommunicationConsent: z.boolean(),
});

const passageSchema = z.object({ sourceId: z.string(), title: z.string(), outlet: z.string(), published: z.string().nullable(), url: z.string(), quote: z.string(), sha256: z.string() });
const partialDate = z.object({ value: z.string(), qualifier: z.string() }).nullable();
const consentCheckSchema = z.union([z.object({ ok: z.literal(true), consentId: z.string() }), z.object({ ok: z.literal(false), reason: z.string(), message: z.string() })]);

export const caseDossierSchema = z.object({
  id: z.string(),
  label: z.string(),
  risk: z.string(),
  summary: z.string(),
  recordStatus: z.string(),
  updatedAt: z.string(),
  compartments: z.array(z.string()),
  person: z.object({ id: z.string(), pseudonym: z.string(), sex: z.string(), ageGroup: z.string() }).nullable(),
  statuses: z.array(z.object({ id: z.string(), status: z.string(), date: partialDate, place: z.object({ id: z.string(), name: z.string() }).nullable(), note: z.string(), sources: z.array(passageSchema) })),
  latestStatus: z.string().nullable(),
  lastNews: z.string().nullable(),
  daysSinceLastNews: z.number().int().nullable(),
  places: z.array(z.object({ id: z.string(), name: z.string() })),
  organizations: z.array(z.object({ id: z.string(), name: z.string() })),
  consents: z.array(
    z.object({ id: z.string(), statement: z.string(), uses: z.array(z.string()), givenBy: z.string(), through: z.string(), date: partialDate, expires: partialDate, demoOnly: z.boolean(), sources: z.array(passageSchema) }),
  ),
  consentFor: z.object({ unCommunication: consentCheckSchema, publication: consentCheckSchema }),
});

export const appealBodySchema = z.object({
  kind: z.enum(APPEAL_KINDS),
  format: z.enum(['html', 'pdf']).default('html'),
  includeProtected: z.boolean().default(false).describe("the person's real name and birth date; audit-logged; analysts and admins only"),
  submitter: z.string().trim().max(500).optional(),
});
