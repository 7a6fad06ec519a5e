import type { Migration } from '../db-types';

/**
 * How far the audit log has reached the county server: the highest seq of the chain the server
 * confirmed holding, with every entry below it (sync/audit-upload.ts). Zero: nothing yet — a
 * device enrolled before this version sends its whole log on the next sync.
 */
export const auditUploadMigration: Migration = {
  version: 7,
  name: 'audit_upload',
  sql: `
ALTER TABLE sync_state ADD COLUMN audit_sent_seq INTEGER NOT NULL DEFAULT 0;
`,
};
