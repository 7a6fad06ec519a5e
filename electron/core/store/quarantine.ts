import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { storeNoticeSchema } from '../../../shared/ipc/contract';
import { quarantineDir } from '../profiles/paths';
import { writeFileAtomic } from '../util/atomic-write';

export type StoreNotice = z.infer<typeof storeNoticeSchema>;

/** The database and its WAL side files: they only make sense together. */
export function databaseFiles(dbPath: string): string[] {
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`];
}

/** A timestamp that is a valid folder name on Windows too (no colons). */
function folderStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/**
 * Moves a broken case store aside — never deletes it: it may still be rescued by hand, and it
 * may be the only copy of unsynced work.
 */
export function quarantineDatabase(dataDir: string, profileId: string, dbPath: string, at: Date): StoreNotice {
  const target = join(quarantineDir(dataDir), `${profileId}-${folderStamp(at)}`);
  mkdirSync(target, { recursive: true, mode: 0o700 });
  for (const file of databaseFiles(dbPath)) {
    if (existsSync(file)) renameSync(file, join(target, basename(file)));
  }
  return { kind: 'quarantined', profileId, movedTo: target, at: at.toISOString() };
}

const noticeFileSchema = z.array(storeNoticeSchema);

/**
 * Notices of this run, kept in memory for the unlock screen, and appended to
 * quarantine/notices.json as the durable record of what was moved where.
 */
export class NoticeBook {
  private readonly current: StoreNotice[] = [];
  constructor(private readonly dataDir: string) {}

  record(notice: StoreNotice): void {
    this.current.push(notice);
    const file = join(quarantineDir(this.dataDir), 'notices.json');
    let all: StoreNotice[] = [];
    try {
      if (existsSync(file)) all = noticeFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      // an unreadable notice log must not hide the new notice; it is rewritten below
    }
    all.push(notice);
    mkdirSync(quarantineDir(this.dataDir), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, `${JSON.stringify(all, null, 2)}\n`);
  }

  list(): StoreNotice[] {
    return [...this.current];
  }
}

export function quarantinedMessage(notice: StoreNotice): string {
  return (
    'Die Fallakte dieses Profils ließ sich nicht entschlüsseln oder ist beschädigt. ' +
    `Sie wurde nicht gelöscht, sondern beiseitegelegt: ${notice.movedTo}. ` +
    'Wenn Sie das Profil erneut entsperren, beginnt es mit einer leeren Fallakte; ' +
    'was bereits mit dem Kreis-Server synchronisiert war, wird bei der nächsten Synchronisation neu geladen.'
  );
}
