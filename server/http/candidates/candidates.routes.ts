import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tumen } from '../../../app/tumen.ts';
import { confirmCandidate, mergeRecords, rejectCandidate, reviewBatch } from '../../../app/commands/candidate-reviewer.ts';
import type { RecordKind } from '../../../domain/records.ts';
import { actorOf } from '../actor.ts';
import { idParamsSchema, pageOf, recordSchema } from '../common.schema.ts';
import { errorResponses } from '../errors.ts';
import { presentRecord } from '../presenters/record.presenter.ts';
import { presentAccess } from '../presenters/access.presenter.ts';
import { batchBodySchema, candidateListQuerySchema, confirmBodySchema, mergeBodySchema, reviewOutcomeSchema } from './candidates.schema.ts';

const tags = ['review'];

/** The review queue: candidates proposed by extraction, confirmed, rejected or merged by an analyst. */
export const candidatesRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  const { store } = tumen;

  app.get('/candidates', {
    schema: { tags, summary: 'Candidates waiting for review', querystring: candidateListQuerySchema, response: { 200: pageOf(recordSchema), ...errorResponses(400) } },
    handler: async (req) => {
      const { kind, ...rest } = req.query;
      const page = await store.records.list(actorOf(req), { ...rest, ...(kind ? { kind: kind as RecordKind } : {}), status: 'candidate' });
      return { ...page, items: await presentAccess(store, actorOf(req), 'record', page.items.map((r) => presentRecord(r, false))) };
    },
  });

  app.post('/candidates/:id/confirm', {
    schema: { tags, summary: 'Confirm a candidate, optionally with an edited body', params: idParamsSchema, body: confirmBodySchema, response: { 200: reviewOutcomeSchema, ...errorResponses(400, 404) } },
    handler: async (req) => confirmCandidate(store, actorOf(req), req.params.id, req.body.body !== undefined ? { body: req.body.body } : {}),
  });

  app.post('/candidates/:id/reject', {
    schema: { tags, summary: 'Reject a candidate', params: idParamsSchema, response: { 200: reviewOutcomeSchema, ...errorResponses(400, 404) } },
    handler: async (req) => rejectCandidate(store, actorOf(req), req.params.id),
  });

  app.post('/candidates/merge', {
    schema: { tags, summary: 'Merge one record into another of the same kind (citations move over)', body: mergeBodySchema, response: { 200: reviewOutcomeSchema, ...errorResponses(400, 404) } },
    handler: async (req) => mergeRecords(store, actorOf(req), req.body.from, req.body.into),
  });

  app.post('/candidates/batch', {
    schema: { tags, summary: 'Confirm or reject many candidates: all of them or none', body: batchBodySchema, response: { 200: z.object({ items: z.array(reviewOutcomeSchema) }), ...errorResponses(400, 404) } },
    handler: async (req) => ({ items: await reviewBatch(store, actorOf(req), req.body.ids, req.body.action) }),
  });
};
