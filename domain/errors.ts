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
      | 'invalid_export',
    message: string,
  ) {
    super(`import_${reason}`, message);
  }
}
