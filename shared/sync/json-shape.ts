import { regexes } from 'zod';
import { MAX_ID_LENGTH } from './limits';

/**
 * The building blocks of the hand checks of pull pages (pull-page-check.ts) and push batches
 * (push-batch-check.ts): each gives zod's verdict for one rule of protocol.ts on parsed JSON,
 * so both checks share one copy of the patterns and bounds they must keep equal to the schemas.
 */

/** The same patterns zod's z.uuid() and z.uuid({ version: 'v7' }) use, and protocol.ts's own. */
export const uuidPattern = regexes.uuid();
export const uuid7Pattern = regexes.uuid7;
export const identifierPattern = /^[a-z][A-Za-z0-9_]{0,63}$/;
export const hlcPattern = /^\d{15}-\d{6}-.+$/;
export const hlcMaxLength = 23 + MAX_ID_LENGTH;

export const hasOwn = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

/** An object as JSON.parse makes it: Object's prototype (so for…in sees own keys only), no own `__proto__`. */
export function isParsedObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && !hasOwn(value, '__proto__');
}

/** Like zod's max length: Unicode code points, not UTF-16 units. */
export function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

export function isString(value: unknown, pattern: RegExp): value is string {
  return typeof value === 'string' && pattern.test(value);
}

/** z.number().int().min(min).max(max): zod's int is a safe integer. */
export function isSafeInt(value: unknown, min: number, max: number = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/** z.json() on parsed JSON: string, finite number, boolean, null, arrays and objects of these. */
export function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) {
    for (const item of value) if (!isJsonValue(item)) return false;
    return true;
  }
  if (!isParsedObject(value)) return false;
  for (const key in value) if (!isJsonValue(value[key])) return false;
  return true;
}
