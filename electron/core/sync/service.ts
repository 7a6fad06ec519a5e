import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { KimError } from '../../../shared/ipc/errors';
import type { SyncSettings, SyncStatus } from '../../../shared/ipc/sync-contract';
import type { Session } from '../session/session';
import { countPending } from './batch';
import { listConflicts, resolveConflict } from './conflicts';
import { probeServer, requestEnrollment, storeEnrollment } from './enroll';
import { SyncEngine } from './engine';
import { syncMessages } from './messages';
import { nodeTimers, SyncScheduler, type Timers } from './scheduler';
import { readSyncState, updateSyncSettings } from './state';
import { syncSettings, syncStatus } from './status';
import { SyncFailure, type FetchLike } from './transport';
import { wipeProfile } from './wipe';

export interface SyncServiceDeps {
  readonly dataDir: string;
  readonly session: Session;
  readonly now: () => number;
  readonly fetch: FetchLike;
  readonly timers?: Timers;
  readonly pullLimit?: number;
  readonly onPullRowApplied?: (count: number) => void;
}

/**
 * The sync channels' back end: enrolment, the run (button and timer), status, settings and the
 * review list. Network failures become German messages; a failure that the person must act on
 * (bad code, fingerprint) is thrown so the form shows it, a failure of a run is recorded and
 * shown in the status.
 */
export class SyncService {
  private readonly engine: SyncEngine;
  readonly scheduler: SyncScheduler;

  constructor(private readonly deps: SyncServiceDeps) {
    this.engine = new SyncEngine({
      session: deps.session,
      fetch: deps.fetch,
      now: deps.now,
      wipe: (ws) => wipeProfile(deps.session, deps.dataDir, ws, deps.now),
      ...(deps.pullLimit ? { pullLimit: deps.pullLimit } : {}),
      ...(deps.onPullRowApplied ? { onPullRowApplied: deps.onPullRowApplied } : {}),
    });
    this.scheduler = new SyncScheduler({
      timers: deps.timers ?? nodeTimers,
      now: deps.now,
      conditions: () => {
        const ws = deps.session.current();
        if (!ws) return null;
        const state = readSyncState(ws.db);
        if (!state.enrollment || !state.autoSync) return null;
        return { pendingChanges: countPending(ws.db) };
      },
      run: async () => ((await this.engine.run()).kind === 'success' ? 'success' : 'failure'),
    });
  }

  async probe(input: ChannelParsedInput<'sync.probeServer'>): Promise<{ serverUrl: string; fingerprint: string }> {
    try {
      return await probeServer(this.deps.fetch, input.serverUrl);
    } catch (error) {
      throw asFormError(error, 'serverUrl');
    }
  }

  async enroll(input: ChannelParsedInput<'sync.enroll'>): Promise<SyncStatus> {
    const ws = this.deps.session.require();
    if (this.engine.running) throw new KimError('INVALID_INPUT', 'Bitte warten Sie, bis die laufende Synchronisation fertig ist.');
    let requested: Awaited<ReturnType<typeof requestEnrollment>>;
    try {
      requested = await requestEnrollment(this.deps.fetch, input, this.deps.now);
    } catch (error) {
      throw asFormError(error, fieldOf(error));
    }
    const current = this.deps.session.current();
    if (current?.db !== ws.db) throw new KimError('LOCKED', syncMessages.locked);
    const { referenceData, role } = requested.response;
    const clock = storeEnrollment(current, requested.enrollment, { referenceData, role });
    this.deps.session.replaceClock(clock);
    this.scheduler.refresh();
    return this.status();
  }

  /** The button: runs (or joins) a sync and answers with the status it left. */
  async syncNow(): Promise<SyncStatus> {
    this.deps.session.require();
    const outcome = await this.engine.run();
    if (outcome.kind === 'wiped') throw new KimError('LOCKED', syncMessages.revoked);
    if (outcome.kind === 'failure' && outcome.code === 'NOT_ENROLLED') throw new KimError('INVALID_INPUT', outcome.message);
    if (outcome.kind === 'failure' && outcome.code === 'LOCKED') throw new KimError('LOCKED', outcome.message);
    this.scheduler.noteOutcome(outcome.kind === 'success' ? 'success' : 'failure');
    return this.status();
  }

  status(): SyncStatus {
    const ws = this.deps.session.require();
    return syncStatus(ws.db, { running: this.engine.running, nextAutoSyncAt: this.scheduler.nextAt, now: this.deps.now() });
  }

  settings(): SyncSettings {
    return syncSettings(this.deps.session.require().db);
  }

  updateSettings(patch: ChannelParsedInput<'sync.settings.update'>): SyncSettings {
    const db = this.deps.session.require().db;
    updateSyncSettings(db, patch);
    this.scheduler.refresh();
    return syncSettings(db);
  }

  conflicts() {
    return listConflicts(this.deps.session.require());
  }

  resolve(input: ChannelParsedInput<'sync.resolveConflict'>) {
    return resolveConflict(this.deps.session.require(), input);
  }

  /** After every core call: the timer follows lock state, enrolment and settings. */
  refreshSchedule(): void {
    this.scheduler.refresh();
  }

  stop(): void {
    this.scheduler.stop();
  }
}

function fieldOf(error: unknown): string {
  if (!(error instanceof SyncFailure)) return 'serverUrl';
  if (error.code.startsWith('ENROLL_CODE')) return 'code';
  if (error.code === 'FINGERPRINT_MISMATCH') return 'expectedFingerprint';
  return 'serverUrl';
}

/** A form's failure: the German message, on the field it concerns. */
function asFormError(error: unknown, field: string): unknown {
  if (!(error instanceof SyncFailure)) return error; // a bug: the router answers INTERNAL
  return new KimError('INVALID_INPUT', error.message, { fieldErrors: { [field]: error.message } });
}
