import { ImportError } from '../../domain/errors.ts';

/** Big enough for long UN reports with images; small enough that a mistaken upload fails fast. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

function size(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const [v, unit] = n < 1024 * 1024 ? [n / 1024, 'KB'] : [n / (1024 * 1024), 'MB'];
  return `${v >= 10 ? Math.round(v) : v.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

export const tooLarge = (bytes: number, max: number) =>
  new ImportError('too_large', `The file is ${size(bytes)}, over the import limit of ${size(max)}.`);
