import type { FastifyRequest } from 'fastify';

/**
 * What a request log line may say: method and path, nothing else. Intake of testimony must not
 * log IP addresses (a log that places a witness's device at a time is itself a danger to them),
 * nor query strings (searches carry names) nor bodies (they are the testimony), nor headers
 * (cookies and Authorization carry session ids and API tokens).
 */
export const logSerializers = {
  req: (req: FastifyRequest) => ({ method: req.method, url: (req.url ?? '').split('?')[0] }),
};

/**
 * Belt and braces behind the serializers: if any code ever logs an object holding a credential,
 * pino replaces the value before the line is written. Paths are pino's (fast-redact) syntax.
 */
export const logRedaction = {
  censor: '[redacted]',
  paths: [
    'password', 'newPassword', 'currentPassword', 'totp', 'code', 'recoveryCode', 'recoveryCodes', 'token', 'csrfToken', 'sessionToken', 'secret', 'uri',
    '*.password', '*.newPassword', '*.currentPassword', '*.totp', '*.code', '*.recoveryCode', '*.recoveryCodes', '*.token', '*.csrfToken', '*.sessionToken', '*.secret', '*.uri',
    'headers.authorization', 'headers.cookie', 'headers["set-cookie"]', 'headers["x-csrf-token"]',
    '*.headers.authorization', '*.headers.cookie', '*.headers["set-cookie"]', '*.headers["x-csrf-token"]',
    'body', '*.body',
  ],
};
