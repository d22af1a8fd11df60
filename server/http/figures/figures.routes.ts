import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tumen } from '../../../app/tumen.ts';
import { figureMetrics, figureSeries, pinFigure } from '../../../app/commands/figure-series.ts';
import { actorOf } from '../actor.ts';
import { idParamsSchema } from '../common.schema.ts';
import { errorResponses } from '../errors.ts';

const tags = ['figures'];

const seriesValueSchema = z.object({
  figureId: z.string(),
  value: z.number(),
  valueMax: z.number().nullable(),
  qualifier: z.string(),
  provisional: z.boolean(),
  pinned: z.boolean(),
  status: z.string(),
  placeId: z.string().nullable(),
  source: z.object({ id: z.string(), title: z.string(), publisher: z.string(), published: z.string().nullable(), reliability: z.string().nullable() }).nullable(),
  credibility: z.number(),
  quote: z.string(),
});

const seriesSchema = z.object({
  metric: z.string(),
  conflicts: z.number().int(),
  periods: z.array(
    z.object({
      period: z.string(),
      lo: z.string().nullable(),
      hi: z.string().nullable(),
      placeId: z.string().nullable(),
      values: z.array(seriesValueSchema),
      chosen: seriesValueSchema.nullable(),
      conflict: z.boolean(),
      explanations: z.array(z.string()),
    }),
  ),
});

export const figuresRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  app.get('/figures/metrics', {
    schema: { tags, summary: 'Metrics with their number of figures', response: { 200: z.object({ items: z.array(z.object({ metric: z.string(), count: z.number() })) }) } },
    handler: async (req) => ({ items: await figureMetrics(tumen.store, actorOf(req)) }),
  });

  app.get('/figures/series', {
    schema: {
      tags,
      summary: 'All values of a metric per period, with sources, the chosen value and conflicts',
      querystring: z.object({ metric: z.string().min(1).max(500), candidates: z.enum(['include']).optional() }),
      response: { 200: seriesSchema, ...errorResponses(400) },
    },
    handler: async (req) => {
      const s = await figureSeries(tumen.store, actorOf(req), req.query.metric, { includeCandidates: req.query.candidates === 'include' });
      return { ...s, periods: s.periods.map((p) => ({ ...p, values: p.values.map(strip), chosen: p.chosen ? strip(p.chosen) : null })) };
    },
  });

  app.post('/figures/:id/pin', {
    schema: { tags, summary: 'Choose this figure as the value shown for its metric, period and place', params: idParamsSchema, response: { 204: z.null(), ...errorResponses(400, 404) } },
    handler: async (req, reply) => {
      await pinFigure(tumen.store, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
};

function strip<T extends { period?: unknown }>(v: T): Omit<T, 'period'> {
  const { period: _p, ...rest } = v;
  return rest;
}
