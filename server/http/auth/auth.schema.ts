import { z } from 'zod';
import { ROLES } from '../../../domain/actor.ts';

export const roleSchema = z.enum(ROLES);
export const grantsSchema = z.record(z.string().max(63), z.enum(['read', 'write']));

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  grants: grantsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const meSchema = z.object({
  user: userSchema,
  csrfToken: z.string().nullable().describe('send as X-CSRF-Token on every POST, PATCH and DELETE made with the session cookie'),
  mustEnrollTotp: z.boolean(),
});

/** Bounded lengths: nothing here may make the server hash a megabyte (argon2 costs memory). */
export const loginBodySchema = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1024),
  totp: z.string().max(20).optional(),
  recoveryCode: z.string().max(64).optional(),
});

export const codeBodySchema = z.object({ code: z.string().min(1).max(20) });
export const passwordProofSchema = z.object({
  password: z.string().min(1).max(1024),
  totp: z.string().max(20).optional(),
  recoveryCode: z.string().max(64).optional(),
});
export const passwordChangeSchema = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) });

export const tokenInfoSchema = z.object({
  id: z.string(),
  userId: z.string(),
  label: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const tokenCreateSchema = z.object({ label: z.string().max(200).default('token'), role: roleSchema });

export const userCreateSchema = z.object({
  username: z.string().min(2).max(63),
  role: roleSchema,
  displayName: z.string().max(200).optional(),
  password: z.string().min(1).max(1024).optional().describe('left out: a one-time password is generated and returned once'),
  grants: grantsSchema.optional(),
});
export const userPatchSchema = z.object({
  role: roleSchema.optional(),
  displayName: z.string().max(200).optional(),
  disabled: z.boolean().optional(),
  grants: z.record(z.string().max(63), z.enum(['read', 'write']).nullable()).optional().describe('null removes a grant'),
});

export const securitySettingsSchema = z.object({ requireTotp: z.boolean() });
export const compartmentSchema = z.object({ id: z.string(), label: z.string(), createdAt: z.string(), createdBy: z.string() });
export const compartmentCreateSchema = z.object({ id: z.string().min(1).max(63), label: z.string().max(200).default('') });
