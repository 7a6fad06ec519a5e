import { latestSchemaVersion } from '../migrations/index';
import type { Workspace } from '../session/session';
import type { WriteContext } from '../write/write-path';

export function writeContextOf(ws: Workspace): WriteContext {
  return { db: ws.db, clock: ws.clock, actor: ws.profile.userName, now: ws.now, schemaVersion: latestSchemaVersion };
}

/** Today's date on the user's wall clock, `YYYY-MM-DD` (not UTC: a case opened at 00:30 is today). */
export function localIsoDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
