import type { Action, Subject } from '../../domain/policies/index.ts';
import { RECORD_KINDS } from '../../domain/records.ts';
import { KIND_PATHS } from './records/record-kinds.ts';

/**
 * Every API route's entry check, by "METHOD /path" as registered. This is the role-level half
 * of a rule (domain/policies `mayAttempt`): it runs before anything is loaded, so a refusal
 * (403) says nothing about any item. Which items the actor may see is decided in the store.
 * A route missing here is refused at run time, and the authorization matrix test fails.
 */
export type RoutePolicy =
  /** No sign-in needed. */
  | { kind: 'public' }
  /** Any signed-in account; `duringTotpEnrollment`: also before required 2FA is set up. */
  | { kind: 'signedIn'; duringTotpEnrollment?: boolean }
  /** A role that some rule allows `action` on `subject`. */
  | { kind: 'ability'; action: Action; subject: Subject };

const PUBLIC: RoutePolicy = { kind: 'public' };
const SIGNED_IN: RoutePolicy = { kind: 'signedIn' };
const ENROLLING: RoutePolicy = { kind: 'signedIn', duringTotpEnrollment: true };
const can = (action: Action, subject: Subject): RoutePolicy => ({ kind: 'ability', action, subject });

const READ_RECORD = can('read', 'record');
const WRITE_RECORD = can('update', 'record');

export const ROUTE_POLICIES: Readonly<Record<string, RoutePolicy>> = {
  'GET /api/health': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'GET /api/openapi.json': SIGNED_IN,

  'POST /api/auth/logout': ENROLLING,
  'GET /api/auth/me': ENROLLING,
  'POST /api/auth/totp/enroll': ENROLLING,
  'POST /api/auth/totp/confirm': ENROLLING,
  'POST /api/auth/totp/disable': can('manage', 'ownAccount'),
  'POST /api/auth/recovery-codes': can('manage', 'ownAccount'),
  'POST /api/auth/password': can('manage', 'ownAccount'),
  'GET /api/auth/tokens': can('manage', 'ownAccount'),
  'POST /api/auth/tokens': can('manage', 'ownAccount'),
  'DELETE /api/auth/tokens/:id': can('manage', 'ownAccount'),

  'GET /api/users': can('manage', 'user'),
  'POST /api/users': can('manage', 'user'),
  'PATCH /api/users/:id': can('manage', 'user'),
  'GET /api/settings/security': can('manage', 'settings'),
  'PATCH /api/settings/security': can('manage', 'settings'),
  'GET /api/compartments': can('read', 'compartment'),
  'POST /api/compartments': can('manage', 'compartment'),

  'GET /api/sources': can('read', 'source'),
  'GET /api/sources/:id': can('read', 'source'),
  'POST /api/sources': can('create', 'source'),
  'PATCH /api/sources/:id': can('update', 'source'),
  'DELETE /api/sources/:id': can('delete', 'source'),
  'GET /api/sources/:id/citations': can('read', 'source'),
  'GET /api/sources/:id/records': can('read', 'source'),
  'GET /api/sources/:id/evidence': can('read', 'source'),
  'GET /api/evidence/:id': can('read', 'source'),
  'GET /api/evidence/:id/content': can('read', 'source'),
  'POST /api/imports': can('create', 'source'),

  'GET /api/records': READ_RECORD,
  'GET /api/records/:id': READ_RECORD,
  'POST /api/records': can('create', 'record'),
  'PATCH /api/records/:id': WRITE_RECORD,
  'DELETE /api/records/:id': can('delete', 'record'),
  'POST /api/records/:id/citations': WRITE_RECORD,
  'DELETE /api/records/:id/citations/:citationId': WRITE_RECORD,
  ...Object.fromEntries(
    RECORD_KINDS.flatMap((kind) => [
      [`GET /api/${KIND_PATHS[kind]}`, READ_RECORD],
      [`POST /api/${KIND_PATHS[kind]}`, can('create', 'record')],
    ]),
  ),

  'GET /api/search': READ_RECORD,
  'GET /api/candidates': READ_RECORD,
  'POST /api/candidates/:id/confirm': can('confirm', 'record'),
  'POST /api/candidates/:id/reject': can('confirm', 'record'),
  'POST /api/candidates/merge': WRITE_RECORD,
  'POST /api/candidates/batch': can('confirm', 'record'),
  'GET /api/figures/metrics': READ_RECORD,
  'GET /api/figures/series': READ_RECORD,
  'POST /api/figures/:id/pin': WRITE_RECORD,

  'GET /api/case-register': READ_RECORD,
  'GET /api/cases/:id/dossier': READ_RECORD,
  'POST /api/cases/:id/appeal': READ_RECORD,

  'GET /api/export': can('run', 'export'),
  'GET /api/public-export': can('run', 'export'),
  'GET /api/audit': can('read', 'audit'),

  // The intake inbox: whoever may create sources may read what arrives and answer it.
  'GET /api/intake/submissions': can('create', 'source'),
  'GET /api/intake/submissions/:id': can('create', 'source'),
  'GET /api/intake/objects/:id/content': can('create', 'source'),
  'POST /api/intake/submissions/:id/replies': can('create', 'source'),
  'POST /api/intake/submissions/:id/import': can('create', 'source'),
};

/** HEAD is answered by the GET route, so it carries the GET route's policy. */
export function policyFor(method: string, url: string | undefined): RoutePolicy | undefined {
  if (!url) return undefined;
  return ROUTE_POLICIES[`${method === 'HEAD' ? 'GET' : method} ${url}`];
}
