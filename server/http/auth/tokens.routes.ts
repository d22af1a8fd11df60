import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ForbiddenError } from '../../../domain/errors.ts';
import { issueToken, revokeToken } from '../../../app/auth/account-admin.ts';
import type { Tumen } from '../../../app/tumen.ts';
import { authOf } from '../actor.ts';
import { idParamsSchema, noContent } from '../common.schema.ts';
import { errorResponses } from '../errors.ts';
import { tokenCreateSchema, tokenInfoSchema } from './auth.schema.ts';

const tags = ['auth'];

/** API tokens of the signed-in account (admins see and revoke everyone's). */
export const tokensRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  const { store } = tumen;
  const accountOf = (auth: ReturnType<typeof authOf>) => {
    if (!auth.user) throw new ForbiddenError('Create an account first (tumen user add).', 'no_account');
    return auth.user;
  };

  app.post('/auth/tokens', {
    schema: {
      tags,
      summary: 'Create an API token for scripts (Authorization: Bearer …); the token is in this answer only',
      body: tokenCreateSchema,
      response: { 201: z.object({ token: z.string(), info: tokenInfoSchema }), ...errorResponses(400, 401, 403) },
    },
    handler: async (req, reply) => {
      const auth = authOf(req);
      return reply.code(201).send(await issueToken(store, auth.actor, accountOf(auth).id, req.body));
    },
  });

  app.get('/auth/tokens', {
    schema: { tags, summary: 'API tokens (never their secrets)', response: { 200: z.object({ items: z.array(tokenInfoSchema) }), ...errorResponses(401, 403) } },
    handler: async (req) => {
      const auth = authOf(req);
      const user = accountOf(auth);
      return { items: await store.accounts.sessions.tokensOf(user.role === 'admin' ? null : user.id) };
    },
  });

  app.delete('/auth/tokens/:id', {
    schema: { tags, summary: 'Revoke an API token', params: idParamsSchema, response: { 204: noContent, ...errorResponses(400, 401, 403, 404) } },
    handler: async (req, reply) => {
      const auth = authOf(req);
      const user = accountOf(auth);
      await revokeToken(store, auth.actor, req.params.id, user.role === 'admin' ? undefined : user.id);
      return reply.code(204).send(null);
    },
  });
};
