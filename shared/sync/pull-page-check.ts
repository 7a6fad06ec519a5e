import { regexes } from 'zod';
import { MAX_ID_LENGTH, MAX_PULL_LIMIT } from './limits';
import { pullPageSchema, type PulledChange, type PullPage } from './protocol';

/**
 * A pull page checked by hand with the rules of `pullPageSchema` (protocol.ts): zod spent ~5 µs
 * on each of a page's 2,000 changes, as much as the rest of a first pull's apply. The fast path
 * checks the changes field by field with the same patterns and bounds and hands only the small
 * rest of the page to the zod schema itself. It accepts a subset of what the schema accepts —
 * the plain JSON that JSON.parse makes — and anything it does not accept (a broken page, or a
 * shape JSON.parse never makes, such as an own `__proto__` key, which zod would strip) goes
 * through `pullPageSchema` as a whole, so the answer is always the schema's. A page that passes
 * the fast path is returned as it came, not copied. tests/unit/sync-protocol/pull-page-check
 * runs both on the same valid and invalid pages.
 */
export type PageCheck = { readonly success: true; readonly data: PullPage } | { readonly success: false };

/** The same patterns zod's z.uuid() and z.uuid({ version: 'v7' }) use. */
const uuidPattern = regexes.uuid();
const uuid7Pattern = regexes.uuid7;
const identifierPattern = /^[a-z][A-Za-z0-9_]{0,63}$/;
const hlcPattern = /^\d{15}-\d{6}-.+$/;
const hlcMaxLength = 23 + MAX_ID_LENGTH;

const changeKeys = new Set(['opId', 'entity', 'rowId', 'field', 'value', 'hlc', 'deviceId', 'userId', 'teamId', 'schemaVersion', 'serverSeq']);
const hasOwn = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

/** An object as JSON.parse makes it: Object's prototype (so for…in sees own keys only), no own `__proto__`. */
function isParsedObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && !hasOwn(value, '__proto__');
}

/** Like zod's max length: Unicode code points, not UTF-16 units. */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

function isString(value: unknown, pattern: RegExp): value is string {
  return typeof value === 'string' && pattern.test(value);
}

/** z.number().int() with a lower bound: zod's int is a safe integer. */
function isSafeInt(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/** z.json() on parsed JSON: string, finite number, boolean, null, arrays and objects of these. */
function isJsonValue(value: unknown): boolean {
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

/** `pulledChangeSchema` (strict: exactly these keys), on parsed JSON. */
function isPulledChange(value: unknown): value is PulledChange {
  if (!isParsedObject(value)) return false;
  let keys = 0;
  for (const key in value) {
    if (!changeKeys.has(key)) return false;
    keys++;
  }
  if (keys !== changeKeys.size) return false;
  const hlc = value['hlc'];
  return (
    isString(value['opId'], uuid7Pattern) &&
    isString(value['entity'], identifierPattern) &&
    isString(value['rowId'], uuidPattern) &&
    isString(value['field'], identifierPattern) &&
    isString(hlc, hlcPattern) &&
    (hlc.length <= hlcMaxLength || codePoints(hlc) <= hlcMaxLength) &&
    isString(value['deviceId'], uuidPattern) &&
    (value['userId'] === null || isString(value['userId'], uuidPattern)) &&
    isString(value['teamId'], uuidPattern) &&
    isSafeInt(value['schemaVersion'], 1) &&
    isSafeInt(value['serverSeq'], 0) &&
    isJsonValue(value['value'])
  );
}

/** The same answer as `pullPageSchema.safeParse(input)`, fast for the pages a server sends. */
export function checkPullPage(input: unknown): PageCheck {
  if (isParsedObject(input)) {
    const changes = input['changes'];
    if (Array.isArray(changes) && changes.length <= MAX_PULL_LIMIT && changes.every(isPulledChange)) {
      // The changes are valid, so the page stands or falls with the rest of it.
      const rest = pullPageSchema.safeParse({ ...input, changes: [] });
      return rest.success ? { success: true, data: { ...rest.data, changes } } : { success: false };
    }
  }
  const whole = pullPageSchema.safeParse(input);
  return whole.success ? { success: true, data: whole.data } : { success: false };
}

/** For `exchange`: the same shape as a zod schema's safeParse. */
export const pullPageCheck = { safeParse: checkPullPage };
