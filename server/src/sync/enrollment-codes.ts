import { createHash, randomInt } from 'node:crypto';

/**
 * Enrollment codes: 12 characters of Crockford's base32 (no I, L, O, U), shown as
 * ABCD-EFGH-JKMN — about 60 bits, typed by hand from a letter or a phone call. Only the hash is
 * stored. Reading is forgiving: case, dashes and spaces do not matter, O and I/L read as 0 and 1.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += alphabet[randomInt(alphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

export function normalizeEnrollmentCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function hashEnrollmentCode(input: string): string {
  return createHash('sha256').update(`KIM-Fallakte enrollment code\0${normalizeEnrollmentCode(input)}`).digest('base64url');
}
