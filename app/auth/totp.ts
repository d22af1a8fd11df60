import { Secret, TOTP } from 'otpauth';

/** RFC 6238 defaults every authenticator app supports: SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;

const totpFor = (secret: string, label = 'Tumen') =>
  new TOTP({ issuer: 'Tumen', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/** 160 random bits, as RFC 4226 recommends; base32 as apps expect. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// URI an app reads from a QR code. */
export const totpUri = (secret: string, username: string): string => totpFor(secret, username).toString();

/**
 * The time step a code belongs to, accepting one step either side for clock drift; null when the
 * code is wrong. The caller must also check the step is newer than the last one used.
 */
export function matchTotp(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** For tests and the CLI: the code an app would show now. */
export const currentTotp = (secret: string, now = Date.now()): string => totpFor(secret).generate({ timestamp: now });
