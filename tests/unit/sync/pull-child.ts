/**
 * A device core in a process of its own, for the process-kill test: it unlocks the profile and
 * pulls, and exits the whole process (no cleanup, no rollback by us) in the middle of applying
 * a page — as a laptop does when its battery dies.
 */
import { createCore } from '../../../electron/core/index';
import { idleTimers, password, testKdf } from './sync-harness';

const dataDir = process.env.KIM_CHILD_DATA_DIR!;
const profileId = process.env.KIM_CHILD_PROFILE_ID!;
const exitAfterRows = Number(process.env.KIM_CHILD_EXIT_AFTER_ROWS);
let applied = 0;

const core = createCore({
  dataDir,
  appVersion: '0.1.0-test',
  kdf: testKdf,
  timers: idleTimers,
  log: () => undefined,
  syncTest: {
    pullLimit: 7,
    onPullRowApplied: () => {
      applied += 1;
      if (applied >= exitAfterRows) process.exit(86);
    },
  },
});

const unlocked = await core.handle('session.unlock', { profileId, password });
if (!unlocked.ok) process.exit(2);
const result = await core.handle("sync.now", {});
process.stderr.write(`pull ended after ${applied} rows: ${JSON.stringify(result.ok ? { lastError: (result.value as { lastError: unknown }).lastError } : result.error)}\n`);
// Reaching this line means the pull ended before the planned exit.
process.exit(3);
