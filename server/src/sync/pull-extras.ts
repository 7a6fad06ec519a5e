import { MAX_BODY_BYTES, type PullPage, type PullRequest } from '../../../shared/sync';
import type { Queryable } from '../db/adapter';
import type { ReferenceData } from '../reference-data';
import { roleOfUser, type DeviceRecord } from './devices';

/**
 * What a pull page carries besides rows: the user's current role, and the county reference data
 * when the device holds another version. Only for a device that named its reference version:
 * an older app does not know these fields, and its strict schema would refuse the whole page.
 */
export interface PullExtras {
  readonly extras: Pick<PullPage, 'role' | 'referenceData'>;
  /** what is left of the page's byte budget for changes and purges */
  readonly maxBytes: number;
}

/** A page always has room for some rows, however large the reference data grew. */
const minimumRowBudget = 64 * 1024;
const pageBudget = MAX_BODY_BYTES * 0.9;

export async function pullExtras(
  db: Queryable,
  device: DeviceRecord,
  request: Pick<PullRequest, 'referenceVersion'>,
  referenceData: ReferenceData,
): Promise<PullExtras> {
  if (request.referenceVersion === undefined) return { extras: {}, maxBytes: pageBudget };
  const role = await roleOfUser(db, device.userId);
  if (request.referenceVersion === referenceData.version) return { extras: { role }, maxBytes: pageBudget };
  const referenceBytes = JSON.stringify(referenceData).length;
  return { extras: { role, referenceData }, maxBytes: Math.max(minimumRowBudget, pageBudget - referenceBytes) };
}
