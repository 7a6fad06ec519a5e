import type { Migration } from '../db-types';

/** Search tables (owned by the search module). STUB: filled in by the search work. */
export const searchMigration: Migration = {
  version: 2,
  name: 'search',
  sql: `SELECT 1;`,
};
