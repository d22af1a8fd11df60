import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tumen } from '../../../app/tumen.ts';
import { searchAs } from '../../../app/commands/searcher.ts';
import { actorOf } from '../actor.ts';
import { dateBoundsSchema } from '../common.schema.ts';
import { errorResponses } from '../errors.ts';

const list = z
  .string()
  .max(500)
  .transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean))
  .optional();

const searchQuerySchema = z.object({
  q: z.string().max(1000).default('').describe('words, "phrases", -exclude, and filters like kind:event lang:ko from:2023-10'),
  kind: list,
  type: list,
  lang: list,
  status: list,
  reliability: list,
  place: list,
  ...dateBoundsSchema.shape,
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const facet = z.record(z.string(), z.number());
const searchResultSchema = z.object({
  hits: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), snippet: z.string(), score: z.number() })),
  total: z.number().int(),
  facets: z.object({ kind: facet, type: facet, language: facet, status: facet, reliability: facet }),
  approximate: z.boolean(),
});

export const searchRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  app.get('/search', {
    schema: {
      tags: ['search'],
      summary: 'Full-text search across English, Korean and Chinese, with facets and highlighted snippets',
      description: 'Snippets mark matches with U+0002 … U+0003.',
      querystring: searchQuerySchema,
      response: { 200: searchResultSchema, ...errorResponses(400) },
    },
    handler: async (req) => {
      const q = req.query;
      return searchAs(tumen, actorOf(req), {
        q: q.q,
        limit: q.limit,
        offset: q.offset,
        ...(q.kind ? { kinds: q.kind } : {}),
        ...(q.type ? { types: q.type } : {}),
        ...(q.lang ? { languages: q.lang } : {}),
        ...(q.status ? { statuses: q.status } : {}),
        ...(q.reliability ? { reliabilities: q.reliability } : {}),
        ...(q.place ? { placeIds: q.place } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
      });
    },
  });
};
