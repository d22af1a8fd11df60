import { TumenError } from '../domain/errors.ts';

/**
 * Why a cryptographic operation refused. Callers must treat every reason as "no data":
 * the reason exists for logs and operators, never to let a client probe which check failed.
 */
export type CryptoFailure =
  | 'auth_failed' // a tag or signature did not verify: tampered, wrong key, or wrong context
  | 'unknown_key' // the key id named in the data is not in the keyring
  | 'malformed' // lengths, magic or framing are wrong before any key is used
  | 'unsupported_version'
  | 'truncated' // a stream ended before its final chunk
  | 'invalid_argument'; // a programming error by the caller (bad key length, salt, chunk size)

export class CryptoError extends TumenError {
  constructor(
    readonly reason: CryptoFailure,
    message: string,
  ) {
    super(`crypto_${reason}`, message);
  }
}
