import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { compartmentsAllowing } from '../../../domain/policies/index.ts';
import { createUser, updateUser } from '../../../app/auth/account-admin.ts';
import type { Tumen } from '../../../app/tumen.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { actorOf, authOf } from '../actor.ts';
import { idParamsSchema } from '../common.schema.ts';
import { errorResponses } from '../errors.ts';
import { compartmentCreateSchema, compartmentSchema, securitySettingsSchema, userCreateSchema, userPatchSchema, userSchema } from './auth.schema.ts';

const tags = ['admin'];

/** Accounts, the 2FA requirement and compartments: admins only (see route-policies.ts). */
export const usersRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  const { store } = tumen;

  app.get('/users', {
    schema: { tags, summary: 'Every account with its role and grants', response: { 200: z.object({ items: z.array(userSchema) }), ...errorResponses(401, 403) } },
    handler: async () => ({ items: await store.accounts.users.list() }),
  });

  app.post('/users', {
    schema: {
      tags,
      summary: 'Create an account; without a password, a one-time password is returned (once)',
      body: userCreateSchema,
      response: { 201: z.object({ user: userSchema, oneTimePassword: z.string().optional() }), ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (req, reply) => reply.code(201).send(await createUser(store, actorOf(req), req.body)),
  });

  app.patch('/users/:id', {
    schema: { tags, summary: 'Change role, name, grants; disable (ends its sessions) or enable', params: idParamsSchema, body: userPatchSchema, response: { 200: userSchema, ...errorResponses(400, 401, 403, 404) } },
    handler: async (req) => updateUser(store, actorOf(req), req.params.id, req.body),
  });

  app.get('/settings/security', {
    schema: { tags, summary: 'Installation-wide security settings', response: { 200: securitySettingsSchema, ...errorResponses(401, 403) } },
    handler: async () => store.accounts.settings.security(),
  });

  app.patch('/settings/security', {
    schema: { tags, summary: 'Require two-factor sign-in for every account (or not)', body: securitySettingsSchema.partial(), response: { 200: securitySettingsSchema, ...errorResponses(400, 401, 403) } },
    handler: async (req) => {
      // An admin without 2FA who required it would lock themselves out of this very setting.
      if (req.body.requireTotp && !authOf(req).user?.totpEnabled && authOf(req).via !== 'local') {
        throw new ValidationError('requireTotp: set up two-factor sign-in on your own account first');
      }
      const settings = await store.accounts.settings.setSecurity(actorOf(req), req.body);
      await store.audit.append(actorOf(req), 'settings.changed', { kind: 'settings', id: 'security' }, settings);
      return settings;
    },
  });

  app.get('/compartments', {
    schema: { tags, summary: 'Compartments: all for admins, the ones granted to you otherwise', response: { 200: z.object({ items: z.array(compartmentSchema) }), ...errorResponses(401, 403) } },
    handler: async (req) => {
      const actor = actorOf(req);
      const all = await store.accounts.compartments.listAllUnrestricted();
      const granted = new Set(compartmentsAllowing(actor, 'read'));
      return { items: actor.role === 'admin' ? all : all.filter((c) => granted.has(c.id)) };
    },
  });

  app.post('/compartments', {
    schema: { tags, summary: 'Create a compartment (then grant it to accounts)', body: compartmentCreateSchema, response: { 201: compartmentSchema, ...errorResponses(400, 401, 403, 409) } },
    handler: async (req, reply) => reply.code(201).send(await store.accounts.compartments.create(actorOf(req), req.body)),
  });
};
