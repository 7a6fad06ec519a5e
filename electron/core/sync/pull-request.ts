import type { PullRequest } from '../../../shared/sync';
import type { Db } from '../db-types';
import { knownReferenceVersion } from './state';

/**
 * The body of one pull request. It names the reference data version this device holds, which
 * also tells the server that this device understands `role` and `referenceData` in the page.
 */
export function pullRequestBody(db: Db, request: { deviceId: string; cursor: string; limit: number }): PullRequest {
  return { ...request, referenceVersion: knownReferenceVersion(db) };
}
