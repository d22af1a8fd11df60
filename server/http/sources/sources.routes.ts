import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tumen } from '../../../app/tumen.ts';
import { sha256Hex } from '../../../store/support.ts';
import { actorOf, mayIncludeProtected } from '../actor.ts';
import {
  citationSchema,
  idParamsSchema,
  includeQuerySchema,
  listOf,
  noContent,
  pageOf,
  pageQuerySchema,
  recordSchema,
} from '../common.schema.ts';
import { errorResponses } from '../errors.ts';
import { presentAccess, presentOne } from '../presenters/access.presenter.ts';
import { evidenceFileSchema } from '../evidence/evidence.schema.ts';
import {
  sourceCreateSchema,
  sourceListQuerySchema,
  sourcePatchBodySchema,
  sourceSchema,
  sourceSummarySchema,
} from './sources.schema.ts';

const tags = ['sources'];

export const sourcesRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  const { store } = tumen;

  app.get('/sources', {
    schema: {
      tags,
      summary: 'List sources (without their text)',
      querystring: sourceListQuerySchema,
      response: { 200: pageOf(sourceSummarySchema), ...errorResponses(400) },
    },
    handler: async (req) => {
      const page = await store.sources.list(actorOf(req), req.query);
      return { ...page, items: await presentAccess(store, actorOf(req), 'source', page.items) };
    },
  });

  app.get('/sources/:id', {
    schema: {
      tags,
      summary: 'One source with its text',
      params: idParamsSchema,
      response: { 200: sourceSchema, ...errorResponses(400, 404) },
    },
    handler: async (req) => presentOne(store, actorOf(req), 'source', await store.sources.get(actorOf(req), req.params.id)),
  });

  app.post('/sources', {
    schema: {
      tags,
      summary: 'Create a source from typed-in text',
      description: 'The SHA-256 is that of the UTF-8 text; the same text twice is a 409.',
      body: sourceCreateSchema,
      response: { 201: sourceSchema, ...errorResponses(400, 409, 413) },
    },
    handler: async (req, reply) => {
      const { compartments, ...input } = req.body;
      const source = await store.transaction((tx) =>
        tx.sources.create(actorOf(req), input, sha256Hex(input.text), undefined, compartments),
      );
      return reply.code(201).send(await presentOne(store, actorOf(req), 'source', source));
    },
  });

  app.patch('/sources/:id', {
    schema: {
      tags,
      summary: 'Change source metadata (the text is fixed: it is what citations point into)',
      params: idParamsSchema,
      body: sourcePatchBodySchema,
      response: { 200: sourceSchema, ...errorResponses(400, 404, 409) },
    },
    handler: async (req) => {
      const { expectedVersion, ...patch } = req.body;
      const updated = await store.transaction((tx) => tx.sources.update(actorOf(req), req.params.id, patch, expectedVersion));
      return presentOne(store, actorOf(req), 'source', updated);
    },
  });

  app.delete('/sources/:id', {
    schema: {
      tags,
      summary: 'Tombstone a source (kept for the chain of custody, gone from reads)',
      params: idParamsSchema,
      response: { 204: noContent, ...errorResponses(400, 404) },
    },
    handler: async (req, reply) => {
      await store.transaction((tx) => tx.sources.remove(actorOf(req), req.params.id));
      return reply.code(204).send(null);
    },
  });

  app.get('/sources/:id/citations', {
    schema: {
      tags,
      summary: 'Citations into this source, in text order',
      params: idParamsSchema,
      response: { 200: listOf(citationSchema), ...errorResponses(400, 404) },
    },
    handler: async (req) => {
      await store.sources.get(actorOf(req), req.params.id);
      return { items: await store.records.citations.forSource(actorOf(req), req.params.id) };
    },
  });

  app.get('/sources/:id/records', {
    schema: {
      tags,
      summary: 'Records citing this source',
      params: idParamsSchema,
      querystring: z.object({ ...pageQuerySchema.shape, ...includeQuerySchema.shape }),
      response: { 200: pageOf(recordSchema), ...errorResponses(400, 404) },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      await store.sources.get(actor, req.params.id);
      const includeProtected = mayIncludeProtected(actor, req.query.include === 'protected');
      const page = await store.records.list(actor, { sourceId: req.params.id, cursor: req.query.cursor, limit: req.query.limit }, { includeProtected });
      for (const r of page.items) if (r.protected) await store.audit.recordRead(actor, { kind: r.kind, id: r.id }, 'protected');
      return { ...page, items: await presentAccess(store, actor, 'record', page.items) };
    },
  });

  app.get('/sources/:id/evidence', {
    schema: {
      tags,
      summary: 'Evidence files (the original bytes) of this source',
      params: idParamsSchema,
      response: { 200: listOf(evidenceFileSchema), ...errorResponses(400, 404) },
    },
    handler: async (req) => {
      await store.sources.get(actorOf(req), req.params.id);
      return { items: await store.evidence.forSource(actorOf(req), req.params.id) };
    },
  });
};
