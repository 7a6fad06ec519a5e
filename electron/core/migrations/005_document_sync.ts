import type { Migration } from '../db-types';

/**
 * Document sync bookkeeping (sync/documents). A document is entered here once the server holds
 * all its chunks — uploaded from here, or downloaded complete from the server — so later runs
 * stop asking about it. Chunks themselves need no bookkeeping: each is committed on its own, and
 * what is missing on either side is asked for again at every run.
 */
export const documentSyncMigration: Migration = {
  version: 5,
  name: 'document_sync',
  sql: `
CREATE TABLE document_server_complete (
  document_id TEXT PRIMARY KEY NOT NULL,
  confirmed_at TEXT NOT NULL
) WITHOUT ROWID;
`,
};
