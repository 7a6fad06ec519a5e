import type { Migration } from '../db-types';

/**
 * row_clock: one clock entry for the fields a row got from a pull with ONE stamp, in place of a
 * field_clock row per field. A first pull brings every field of 20,000 rows; as field rows
 * those were 390,000 entries and most of the bytes the device wrote (and encrypted).
 *
 * The entry speaks only for the fields it names (its field set: a JSON array of field names,
 * stored once in row_clock_fields for all entries naming the same fields). A field it does not
 * name has no clock unless field_clock has one, and a field_clock row always wins over the
 * entry. The entry's server_seq is the highest version among the fields it names (why that is a
 * safe baseSeq for each of them: store/row-clock.ts).
 */
export const rowClockMigration: Migration = {
  version: 6,
  name: 'row_clock',
  sql: `
CREATE TABLE row_clock_fields (
  id     INTEGER PRIMARY KEY,
  fields TEXT NOT NULL UNIQUE -- JSON array of field names
);

CREATE TABLE row_clock (
  entity     TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  hlc        TEXT NOT NULL,
  server_seq INTEGER,
  fields_id  INTEGER NOT NULL REFERENCES row_clock_fields (id),
  PRIMARY KEY (entity, row_id)
) WITHOUT ROWID;
`,
};
