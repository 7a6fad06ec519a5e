/**
 * The JSON text of a pull page's changes, built from the stored columns in JS: the database only
 * hands out plain columns (building each change's JSON there cost two thirds of a page's query),
 * and the stored value is JSON text already, so it is spliced in as stored, never parsed and
 * re-serialised. Each builder counts the exact UTF-8 bytes it adds, so the page's byte budget is
 * the bytes that travel.
 */

/** One row of `field_state`, as a page needs it. */
export interface StoredChange {
  readonly entity: string;
  readonly rowId: string;
  readonly field: string;
  readonly teamId: string;
  /** JSON text, as the push service stored it */
  readonly valueJson: string;
  readonly hlc: string;
  readonly deviceId: string;
  readonly userId: string | null;
  readonly opId: string;
  readonly schemaVersion: number;
  /** the field version (`version_seq`) */
  readonly serverSeq: number;
}

export interface ChangesText {
  /** Adds `change` if it takes at most `room` bytes: returns the bytes added, or null (nothing added). */
  add(change: StoredChange, room: number): number | null;
  /** the key and JSON array of the changes, e.g. `"rows":[…]` */
  text(): string;
}

/** Characters that JSON must escape, and lone-surrogate candidates (JSON.stringify escapes those). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const needsEscape = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A JSON string literal: ids and names need no escaping, so most skip JSON.stringify. */
function quote(text: string): string {
  return needsEscape.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function bytesOf(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Each change in full (`pullPageSchema`), for an app that did not ask for the grouped format. */
export function flatChangesText(): ChangesText {
  const parts: string[] = [];
  return {
    add(change, room) {
      const text =
        `{"opId":${quote(change.opId)},"entity":${quote(change.entity)},"rowId":${quote(change.rowId)},` +
        `"field":${quote(change.field)},"value":${change.valueJson},"hlc":${quote(change.hlc)},` +
        `"deviceId":${quote(change.deviceId)},"userId":${change.userId === null ? 'null' : quote(change.userId)},` +
        `"teamId":${quote(change.teamId)},"schemaVersion":${change.schemaVersion},"serverSeq":${change.serverSeq}}`;
      const added = bytesOf(text) + (parts.length > 0 ? 1 : 0);
      if (added > room) return null;
      parts.push(text);
      return added;
    },
    text: () => `"changes":[${parts.join(',')}]`,
  };
}

/**
 * Consecutive changes of one row as one group (`groupedPullPageSchema`): the row and the first
 * change's stamp once, each field as `[field, value, opId, serverSeq]` with an override of only
 * what differs from the group's stamp.
 */
export function groupedChangesText(): ChangesText {
  const groups: string[] = [];
  let fields: string[] = [];
  let group: StoredChange | null = null;
  let header = '';
  const close = () => {
    if (group !== null) groups.push(`${header}${fields.join(',')}]}`);
  };
  return {
    add(change, room) {
      const open = group !== null && group.entity === change.entity && group.rowId === change.rowId && group.teamId === change.teamId ? group : null;
      const field = fieldText(change, open ?? change);
      const newHeader = open ? '' : groupHeader(change);
      // A new group: its separator, header and closing `]}`; else the field's comma.
      const added = open ? bytesOf(field) + 1 : (group !== null ? 1 : 0) + bytesOf(newHeader) + bytesOf(field) + 2;
      if (added > room) return null;
      if (!open) {
        close();
        group = change;
        header = newHeader;
        fields = [];
      }
      fields.push(field);
      return added;
    },
    text() {
      close();
      group = null;
      return `"rows":[${groups.join(',')}]`;
    },
  };
}

function groupHeader(change: StoredChange): string {
  return (
    `{"entity":${quote(change.entity)},"rowId":${quote(change.rowId)},"teamId":${quote(change.teamId)},` +
    `"hlc":${quote(change.hlc)},"deviceId":${quote(change.deviceId)},"userId":${change.userId === null ? 'null' : quote(change.userId)},` +
    `"schemaVersion":${change.schemaVersion},"fields":[`
  );
}

/** `[field, value, opId, serverSeq]`, and the override when the stamp differs from the group's. */
function fieldText(change: StoredChange, stamp: StoredChange): string {
  const head = `[${quote(change.field)},${change.valueJson},${quote(change.opId)},${change.serverSeq}`;
  if (
    change.hlc === stamp.hlc &&
    change.deviceId === stamp.deviceId &&
    change.userId === stamp.userId &&
    change.schemaVersion === stamp.schemaVersion
  ) {
    return `${head}]`;
  }
  const override: string[] = [];
  if (change.hlc !== stamp.hlc) override.push(`"hlc":${quote(change.hlc)}`);
  if (change.deviceId !== stamp.deviceId) override.push(`"deviceId":${quote(change.deviceId)}`);
  if (change.userId !== stamp.userId) override.push(`"userId":${change.userId === null ? 'null' : quote(change.userId)}`);
  if (change.schemaVersion !== stamp.schemaVersion) override.push(`"schemaVersion":${change.schemaVersion}`);
  return `${head},{${override.join(',')}}]`;
}
