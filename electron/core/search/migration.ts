import type { Migration } from '../db-types';

/**
 * Search tables (owned by the search module; rows are written by indexer.ts in the same
 * transaction as the person they describe).
 *
 * - search_person: a small integer per indexed person (so the token index stays compact), the
 *   folded sort key for listing by name, and how many FTS rows the person has (FTS5 deletes
 *   by exact rowid are cheap; by rowid range they scan).
 * - search_token: every normalised word ("n…") and phonetic key ("p…") of every spelling, as a
 *   WITHOUT ROWID b-tree on (key, pid, spelling): exact and prefix lookups are range scans that
 *   never touch another table.
 * - search_fts: FTS5 over the verbatim spellings (rowid = pid * 64 + spelling index), with
 *   unicode61 remove_diacritics 2. It answers query words outside Latin script (Arabic,
 *   Cyrillic, Ge'ez …), for which no transliteration rules exist here.
 * - search_meta: "rebuild" marks an index that must be recomputed from persons before use — set
 *   here, because SQL alone cannot compute phonetic codes for persons that already exist.
 */
export const searchMigration: Migration = {
  version: 2,
  name: 'search',
  sql: `
CREATE TABLE search_person (
  pid       INTEGER PRIMARY KEY,
  person_id TEXT NOT NULL UNIQUE,
  sort_key  TEXT NOT NULL,
  fts_rows  INTEGER NOT NULL -- spellings in search_fts: rowids pid * 64 + 0 … fts_rows - 1
);
CREATE INDEX search_person_sort ON search_person(sort_key);

CREATE TABLE search_token (
  key      TEXT NOT NULL,
  pid      INTEGER NOT NULL,
  spelling INTEGER NOT NULL,
  PRIMARY KEY (key, pid, spelling)
) WITHOUT ROWID;
CREATE INDEX search_token_pid ON search_token(pid);

CREATE VIRTUAL TABLE search_fts USING fts5(names, tokenize = "unicode61 remove_diacritics 2");

CREATE TABLE search_meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);
INSERT INTO search_meta (key, value) SELECT 'rebuild', '1' WHERE EXISTS (SELECT 1 FROM persons);
`,
};
