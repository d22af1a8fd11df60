/**
 * Domain errors know nothing about HTTP or exit codes. One translator per surface
 * (server/http/errors.ts, cli/errors.ts) maps them by `id`, which is stable and documented.
 */
export class TumenError extends Error {
  constructor(
    readonly id: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Also what a caller gets for a record it may not see: the two must be indistinguishable. */
export class NotFoundError extends TumenError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

/**
 * A role-level refusal that reveals nothing about any item (a viewer trying to write, an analyst
 * changing a record they can read but not write). Never used for items the actor cannot see:
 * those are NotFoundError, so that "forbidden" and "not found" cannot be told apart.
 */
export class ForbiddenError extends TumenError {
  constructor(message = 'You may not do this.', id = 'forbidden') {
    super(id, message);
  }
}

/** No valid session or token: sign in first. */
export class UnauthenticatedError extends TumenError {
  constructor(message = 'Sign in first.', id = 'unauthenticated') {
    super(id, message);
  }
}

/** Too many failed sign-ins for this account or from this client; try again later. */
export class TooManyAttemptsError extends TumenError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_attempts', `Too many failed attempts. Try again in ${retryAfterSeconds} s.`);
  }
}

export class ValidationError extends TumenError {
  constructor(message: string, details?: unknown) {
    super('invalid_input', message, details);
  }
}

export class ConflictError extends TumenError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export class ImportError extends TumenError {
  constructor(
    readonly reason:
      | 'empty'
      | 'too_large'
      | 'binary'
      | 'truncated'
      | 'unreadable'
      | 'wrong_extension'
      | 'unsupported'
      | 'invalid_export'
      | 'too_complex'
      | 'timeout',
    message: string,
  ) {
    super(`import_${reason}`, message);
  }
}

/** A use of a case its consent does not cover (missing, expired, or refused): nothing is produced. */
export class ConsentError extends TumenError {
  constructor(reason: 'consent_missing' | 'consent_expired' | 'consent_refused', message: string) {
    super(reason, message);
  }
}
