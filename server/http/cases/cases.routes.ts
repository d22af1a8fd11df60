import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderAppeal } from '../../../app/appeals/appeal-renderer.ts';
import { caseDossier } from '../../../app/commands/case-dossier.ts';
import { listCases } from '../../../app/commands/case-register.ts';
import type { Tumen } from '../../../app/tumen.ts';
import { actorOf } from '../actor.ts';
import { idParamsSchema } from '../common.schema.ts';
import { errorResponses } from '../errors.ts';
import { appealBodySchema, caseDossierSchema, caseListItemSchema, caseRegisterQuerySchema } from './cases.schema.ts';

const tags = ['cases'];

/**
 * The case register, one case's dossier, and UN communications drafted from it. Cases outside
 * the caller's compartments answer 404 exactly like unknown ids (the store decides); a draft is
 * refused with 400 consent_missing / consent_expired / consent_refused when consent does not
 * cover a UN communication, and 403 protected_forbidden when protected fields are asked for by
 * a role that may not read them.
 */
export const casesRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  app.get('/case-register', {
    schema: { tags, summary: 'Cases with risk, latest status, days since last news, consent', querystring: caseRegisterQuerySchema, response: { 200: z.object({ items: z.array(caseListItemSchema) }), ...errorResponses(400) } },
    handler: async (req) => {
      const q = req.query;
      const filter = { ...(q.status ? { status: q.status } : {}), ...(q.risk ? { risk: q.risk } : {}), ...(q.minDays !== undefined ? { minDaysSinceNews: q.minDays } : {}), ...(q.maxDays !== undefined ? { maxDaysSinceNews: q.maxDays } : {}) };
      return { items: await listCases(tumen.store, actorOf(req), filter) };
    },
  });

  app.get('/cases/:id/dossier', {
    schema: { tags, summary: 'A case: status timeline with sources, places, organisations, consent', params: idParamsSchema, response: { 200: caseDossierSchema, ...errorResponses(404) } },
    handler: async (req) => caseDossier(tumen.store, actorOf(req), req.params.id),
  });

  app.post('/cases/:id/appeal', {
    schema: { tags, summary: 'Draft a UN communication (urgent appeal or WGAD) as HTML or PDF', params: idParamsSchema, body: appealBodySchema, response: { 200: z.any().describe('the draft, text/html or application/pdf'), ...errorResponses(400, 403, 404) } },
    handler: async (req, reply) => {
      const b = req.body;
      const { bytes, mediaType } = await renderAppeal(tumen.store, actorOf(req), req.params.id, { kind: b.kind, format: b.format, includeProtected: b.includeProtected, ...(b.submitter ? { submitter: b.submitter } : {}) });
      return reply
        .header('content-type', mediaType)
        .header('content-disposition', `attachment; filename="${b.kind}-${req.params.id}.${b.format}"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  });
};
