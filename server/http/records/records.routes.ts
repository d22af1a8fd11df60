import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  includeQuerySchema,
  idParamsSchema,
  citationSchema,
  noContent,
  pageOf,
  recordSchema,
} from '../common.schema.ts';
import { RECORD_KINDS, type RecordKind, type TumenRecord } from '../../../domain/records.ts';
import type { Tumen } from '../../../app/tumen.ts';
import type { NewRecord, RecordFilter } from '../../../store/records.repository.ts';
import { actorOf, mayIncludeProtected } from '../actor.ts';
import { errorResponses } from '../errors.ts';
import { presentRecord } from '../presenters/record.presenter.ts';
import { presentAccess, presentOne } from '../presenters/access.presenter.ts';
import { KIND_PATHS } from './record-kinds.ts';
import {
  citationCreateSchema,
  citationParamsSchema,
  kindListQuerySchema,
  recordCreateBodyFor,
  recordCreateSchema,
  recordListQuerySchema,
  recordPatchSchema,
} from './records.schema.ts';

const tags = ['records'];
const wantsProtected = (req: FastifyRequest, query: { include?: 'protected' | undefined }) =>
  mayIncludeProtected(actorOf(req), query.include === 'protected');

export const recordsRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  const { store } = tumen;
  /** Every response that carries protected fields is logged as a read of them, per person. */
  const logged = async <T extends TumenRecord>(req: FastifyRequest, records: T[]): Promise<void> => {
    for (const r of records) if (r.protected) await store.audit.recordRead(actorOf(req), { kind: r.kind, id: r.id }, 'protected');
  };

  const list = async (req: FastifyRequest, query: RecordFilter & { include?: 'protected' | undefined }) => {
    const { include, ...filter } = query;
    const page = await store.records.list(actorOf(req), filter, { includeProtected: wantsProtected(req, { include }) });
    await logged(req, page.items);
    return { ...page, items: await presentAccess(store, actorOf(req), 'record', page.items) };
  };

  const create = async (req: FastifyRequest, input: NewRecord) => {
    const record = await store.transaction((tx) => tx.records.create(actorOf(req), input));
    const shown = presentRecord(record, wantsProtected(req, req.query as { include?: 'protected' }));
    await logged(req, [shown]);
    return presentOne(store, actorOf(req), 'record', shown);
  };

  app.get('/records', {
    schema: {
      tags,
      summary: 'List records of any kind',
      querystring: recordListQuerySchema,
      response: { 200: pageOf(recordSchema), ...errorResponses(400) },
    },
    handler: async (req) => list(req, req.query),
  });

  app.get('/records/:id', {
    schema: {
      tags,
      summary: 'One record with its citations',
      params: idParamsSchema,
      querystring: includeQuerySchema,
      response: { 200: recordSchema, ...errorResponses(400, 404) },
    },
    handler: async (req) => {
      const record = await store.records.get(actorOf(req), req.params.id, { includeProtected: wantsProtected(req, req.query) });
      await logged(req, [record]);
      return presentOne(store, actorOf(req), 'record', record);
    },
  });

  app.post('/records', {
    schema: {
      tags,
      summary: 'Create a record; the body is validated for its kind',
      description:
        'Events, figures, observations, involvements and case statuses must cite at least one source passage.',
      querystring: includeQuerySchema,
      body: recordCreateSchema,
      response: { 201: recordSchema, ...errorResponses(400, 413) },
    },
    handler: async (req, reply) => reply.code(201).send(await create(req, req.body)),
  });

  app.patch('/records/:id', {
    schema: {
      tags,
      summary: 'Change a record: body and protected fields are merged key by key',
      params: idParamsSchema,
      querystring: includeQuerySchema,
      body: recordPatchSchema,
      response: { 200: recordSchema, ...errorResponses(400, 404, 409) },
    },
    handler: async (req) => {
      const { body, status, protected: prot, expectedVersion } = req.body;
      const updated = await store.transaction(async (tx) => {
        const current = await tx.records.get(actorOf(req), req.params.id, { includeProtected: true });
        const change = {
          body: body === undefined ? undefined : { ...current.body, ...body },
          protected: prot === undefined ? undefined : prot === null ? null : { ...(current.protected ?? {}), ...prot },
          status,
        };
        // Merging read the current version: pin it, so a concurrent change makes this a 409, not a lost update.
        return tx.records.update(actorOf(req), req.params.id, change, expectedVersion ?? current.version);
      });
      const shown = presentRecord(updated, wantsProtected(req, req.query));
      await logged(req, [shown]);
      return presentOne(store, actorOf(req), 'record', shown);
    },
  });

  app.delete('/records/:id', {
    schema: {
      tags,
      summary: 'Delete a record (tombstone)',
      params: idParamsSchema,
      response: { 204: noContent, ...errorResponses(400, 404) },
    },
    handler: async (req, reply) => {
      await store.transaction((tx) => tx.records.remove(actorOf(req), req.params.id));
      return reply.code(204).send(null);
    },
  });

  app.post('/records/:id/citations', {
    schema: {
      tags,
      summary: 'Cite a source passage for a record',
      params: idParamsSchema,
      body: citationCreateSchema,
      response: { 201: citationSchema, ...errorResponses(400, 404) },
    },
    handler: async (req, reply) => {
      const citation = await store.transaction((tx) => tx.records.addCitation(actorOf(req), req.params.id, req.body));
      return reply.code(201).send(citation);
    },
  });

  app.delete('/records/:id/citations/:citationId', {
    schema: {
      tags,
      summary: 'Remove a citation (a record that must be cited keeps its last one)',
      params: citationParamsSchema,
      response: { 204: noContent, ...errorResponses(400, 404) },
    },
    handler: async (req, reply) => {
      await store.transaction((tx) => tx.records.removeCitation(actorOf(req), req.params.id, req.params.citationId));
      return reply.code(204).send(null);
    },
  });

  // One list and one create route per kind, from the table, with the kind fixed by the path.
  for (const kind of RECORD_KINDS) {
    const path = `/${KIND_PATHS[kind]}`;
    const kindTags = [...tags, KIND_PATHS[kind]];
    app.get(path, {
      schema: {
        tags: kindTags,
        summary: `List ${kind} records`,
        querystring: kindListQuerySchema,
        response: { 200: pageOf(recordSchema), ...errorResponses(400) },
      },
      handler: async (req) => list(req, { ...req.query, kind }),
    });
    app.post(path, {
      schema: {
        tags: kindTags,
        summary: `Create a ${kind} record`,
        querystring: includeQuerySchema,
        body: recordCreateBodyFor(kind),
        response: { 201: recordSchema, ...errorResponses(400, 413) },
      },
      handler: async (req, reply) =>
        reply.code(201).send(await create(req, { ...req.body, kind } as NewRecord<RecordKind>)),
    });
  }
};
