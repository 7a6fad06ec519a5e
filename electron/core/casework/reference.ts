import { roleSchema, type ReferenceView, type Role } from '../../../shared/ipc/casework-contract';
import { defaultReferenceData, referenceDataSchema, type Partner, type ReferenceData } from '../../../shared/reference/reference-data';
import type { Db } from '../db-types';
import { prepared } from '../store/prepared';

/**
 * The county's reference data as this device last received it (at enrolment, then with syncs
 * when its version changed), else the starting sets. Parsed on every read: the column was
 * written from the wire, and a value this version cannot read must not break a screen.
 */
export function currentReference(db: Db): ReferenceData {
  const row = prepared(db, 'SELECT reference_data FROM sync_state WHERE id = 1').get() as { reference_data: string | null } | undefined;
  if (!row?.reference_data) return defaultReferenceData;
  try {
    const parsed = referenceDataSchema.safeParse(JSON.parse(row.reference_data));
    return parsed.success ? parsed.data : defaultReferenceData;
  } catch {
    return defaultReferenceData;
  }
}

/** The server decides roles; a device that never enrolled works as 'fallmanagement'. */
export function currentRole(db: Db): Role {
  const row = prepared(db, 'SELECT role FROM sync_state WHERE id = 1').get() as { role: string | null } | undefined;
  const parsed = roleSchema.safeParse(row?.role);
  return parsed.success ? parsed.data : 'fallmanagement';
}

export function findPartner(db: Db, partnerId: string): Partner | undefined {
  return currentReference(db).partners.find((partner) => partner.id === partnerId);
}

export function referenceView(db: Db): ReferenceView {
  const reference = currentReference(db);
  return {
    role: currentRole(db),
    version: reference.version,
    partners: reference.partners,
    targetGroupCriteria: reference.targetGroupCriteria,
    themes: reference.themes,
  };
}
