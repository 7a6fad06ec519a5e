import type { Migration } from '../db-types';
import { searchMigration } from '../search/migration';
import { initMigration } from './001_init';
import { syncMigration } from './003_sync';
import { caseworkMigration } from './004_casework';
import { documentSyncMigration } from './005_document_sync';
import { rowClockMigration } from './006_row_clock';
import { auditUploadMigration } from './007_audit_upload';

/**
 * Every migration in order. TS modules rather than .sql files, so the bundle for Electron
 * carries them without a file loader. Versions must be 1, 2, 3, … without gaps.
 */
export const migrations: readonly Migration[] = [initMigration, searchMigration, syncMigration, caseworkMigration, documentSyncMigration, rowClockMigration, auditUploadMigration];

export const latestSchemaVersion: number = migrations[migrations.length - 1]?.version ?? 0;
