import { MAX_PULL_LIMIT } from './limits';
import { codePoints, hlcMaxLength, hlcPattern, identifierPattern, isJsonValue, isParsedObject, isSafeInt, isString, uuid7Pattern, uuidPattern } from './json-shape';
import {
  groupedFieldCount,
  groupedPullPageSchema,
  type GroupedPullPage,
  type PulledChange,
  type PulledField,
  type PulledRow,
  type PullPage,
} from './protocol';

/**
 * A grouped pull page checked by hand with the rules of `groupedPullPageSchema` (protocol.ts):
 * zod spends microseconds on each of a page's thousands of fields, as much as the rest of a
 * first pull's apply. The fast path checks the rows and their fields with the same patterns and
 * bounds and hands only the small rest of the page to the zod schema itself. It accepts a
 * subset of what the schema accepts — the plain JSON that JSON.parse makes — and anything it
 * does not accept (a broken page, or a shape JSON.parse never makes, such as an own `__proto__`
 * key, which zod would strip) goes through `groupedPullPageSchema` as a whole, so the answer is
 * always the schema's. A page that passes the fast path is returned as it came, not copied.
 * tests/unit/sync-protocol/pull-page-check runs both on the same valid and invalid pages.
 */
export type CheckResult<T> = { readonly success: true; readonly data: T } | { readonly success: false };

const rowKeyCount = 8;

function isHlc(value: unknown): value is string {
  return isString(value, hlcPattern) && (value.length <= hlcMaxLength || codePoints(value) <= hlcMaxLength);
}

/** `stampOverrideSchema` (strict: only these keys, each optional), on parsed JSON. */
function isStampOverride(value: unknown): boolean {
  if (!isParsedObject(value)) return false;
  for (const key in value) {
    const item = value[key];
    if (key === 'hlc') {
      if (!isHlc(item)) return false;
    } else if (key === 'deviceId') {
      if (!isString(item, uuidPattern)) return false;
    } else if (key === 'userId') {
      if (item !== null && !isString(item, uuidPattern)) return false;
    } else if (key === 'schemaVersion') {
      if (!isSafeInt(item, 1)) return false;
    } else {
      return false;
    }
  }
  return true;
}

/** `pulledFieldSchema`: [field, value, opId, serverSeq] with an optional fifth, the override. */
function isPulledField(value: unknown): value is PulledField {
  if (!Array.isArray(value) || (value.length !== 4 && value.length !== 5)) return false;
  return (
    isString(value[0], identifierPattern) &&
    isString(value[2], uuid7Pattern) &&
    isSafeInt(value[3], 0) &&
    (value.length === 4 || isStampOverride(value[4])) &&
    isJsonValue(value[1])
  );
}

/** `pulledRowSchema` (strict: exactly these keys), on parsed JSON. */
function isPulledRow(value: unknown): value is PulledRow {
  if (!isParsedObject(value)) return false;
  let keys = 0;
  for (const key in value) {
    if (
      key !== 'entity' &&
      key !== 'rowId' &&
      key !== 'teamId' &&
      key !== 'hlc' &&
      key !== 'deviceId' &&
      key !== 'userId' &&
      key !== 'schemaVersion' &&
      key !== 'fields'
    ) {
      return false;
    }
    keys++;
  }
  if (keys !== rowKeyCount) return false;
  const fields = value['fields'];
  return (
    isString(value['entity'], identifierPattern) &&
    isString(value['rowId'], uuidPattern) &&
    isString(value['teamId'], uuidPattern) &&
    isHlc(value['hlc']) &&
    isString(value['deviceId'], uuidPattern) &&
    (value['userId'] === null || isString(value['userId'], uuidPattern)) &&
    isSafeInt(value['schemaVersion'], 1) &&
    Array.isArray(fields) &&
    fields.length >= 1 &&
    fields.length <= MAX_PULL_LIMIT &&
    fields.every(isPulledField)
  );
}

/** The same answer as `groupedPullPageSchema.safeParse(input)`, fast for the pages a server sends. */
export function checkGroupedPullPage(input: unknown): CheckResult<GroupedPullPage> {
  if (isParsedObject(input)) {
    const rows = input['rows'];
    if (Array.isArray(rows) && rows.length <= MAX_PULL_LIMIT && rows.every(isPulledRow)) {
      if (groupedFieldCount(rows) <= MAX_PULL_LIMIT) {
        // The rows are valid, so the page stands or falls with the rest of it.
        const rest = groupedPullPageSchema.safeParse({ ...input, rows: [] });
        return rest.success ? { success: true, data: { ...rest.data, rows } } : { success: false };
      }
    }
  }
  const whole = groupedPullPageSchema.safeParse(input);
  return whole.success ? { success: true, data: whole.data } : { success: false };
}

/**
 * The changes of a checked grouped page, each in full and in the page's order: the group's
 * stamp, with what a field overrides. Strings are shared, not copied.
 */
export function expandPullPage(page: GroupedPullPage): PullPage {
  const changes: PulledChange[] = [];
  for (const row of page.rows) {
    for (const field of row.fields) {
      const override = field[4];
      changes.push({
        opId: field[2],
        entity: row.entity,
        rowId: row.rowId,
        field: field[0],
        value: field[1],
        hlc: override?.hlc ?? row.hlc,
        deviceId: override?.deviceId ?? row.deviceId,
        userId: override?.userId !== undefined ? override.userId : row.userId,
        teamId: row.teamId,
        schemaVersion: override?.schemaVersion ?? row.schemaVersion,
        serverSeq: field[3],
      });
    }
  }
  const { rows: _rows, ...rest } = page;
  return { ...rest, changes };
}

/** For `exchange`: a grouped page checked like its schema, then expanded to the page the device applies. */
export const pullPageCheck = {
  safeParse(input: unknown): CheckResult<PullPage> {
    const checked = checkGroupedPullPage(input);
    return checked.success ? { success: true, data: expandPullPage(checked.data) } : { success: false };
  },
};
