import {
  DEFAULT_PULL_LIMIT,
  pullPageCheck,
  pushAckSchema,
  type PullRequest,
  type PushBatch,
} from '../../../shared/sync';
import type { Db } from '../db-types';
import type { Session, Workspace } from '../session/session';
import { storeAck } from './ack';
import { uploadAuditLog } from './audit-upload';
import { nextBatch, releaseBatch, renumberPendingBatch } from './batch';
import { moveOutboxToReview } from './conflict-store';
import { syncDocuments } from './documents/document-sync';
import { DeviceRevokedError, exchange, importRunKeys, type RunKeys } from './exchange';
import { syncMessages } from './messages';
import { applyPullPage } from './pull-apply';
import { pullRequestBody } from './pull-request';
import { readSyncState, recordError, recordSuccess, setCursor, setLastBatchSeq } from './state';
import { SyncFailure, type FetchLike } from './transport';

/**
 * One sync run: push every waiting batch, then pull until the server has no more. Every step
 * is a short transaction between network calls, so the person keeps working meanwhile and a
 * run killed at any byte resumes where it stopped. Only one run at a time.
 */
export interface EngineDeps {
  readonly session: Session;
  readonly fetch: FetchLike;
  readonly now: () => number;
  /** called when the server proved this device is revoked: wipe and lock */
  readonly wipe: (ws: Workspace) => void;
  readonly pullLimit?: number;
  /** tests only: see PullApplyContext.onRowApplied */
  readonly onPullRowApplied?: (count: number) => void;
}

export type RunOutcome =
  | { readonly kind: 'success' }
  | { readonly kind: 'failure'; readonly code: string; readonly message: string }
  | { readonly kind: 'wiped' };

/** Bounds, so a run always ends: a busy day is 2 batches; 10,000 persons are ~40 pages. */
const maxBatchesPerRun = 200;
const maxPagesPerRun = 2000;
const maxGapRepairs = 3;

export class SyncEngine {
  private current: Promise<RunOutcome> | null = null;

  constructor(private readonly deps: EngineDeps) {}

  get running(): boolean {
    return this.current !== null;
  }

  /** Starts a run, or joins the one under way. */
  run(): Promise<RunOutcome> {
    if (this.current) return this.current;
    const ws = this.deps.session.require();
    const run = this.runOnce(ws).finally(() => {
      this.current = null;
    });
    this.current = run;
    return run;
  }

  private async runOnce(ws: Workspace): Promise<RunOutcome> {
    const db = ws.db;
    const alive = () => {
      // The person may lock (or switch profiles) while a request is on the wire.
      if (this.deps.session.current()?.db !== db) throw new SyncFailure('LOCKED', syncMessages.locked);
    };
    try {
      const enrollment = readSyncState(db).enrollment;
      if (!enrollment) throw new SyncFailure('NOT_ENROLLED', syncMessages.notEnrolled);
      const keys = await importRunKeys(enrollment);
      alive();
      const pushFailure = await this.push(db, keys, alive);
      // A clock that runs ahead stops pushing, not pulling: colleagues' work still arrives.
      if (pushFailure && pushFailure.code !== 'CLOCK_AHEAD') throw pushFailure;
      await this.pull(db, keys, alive);
      if (pushFailure) throw pushFailure;
      // The audit log after the pull, so the entries the pull just wrote go in the same run.
      await uploadAuditLog({ db, keys, fetch: this.deps.fetch, now: this.deps.now, alive });
      alive();
      recordSuccess(db, new Date(this.deps.now()).toISOString());
      // Document content last: the fields are committed and recorded by now, so a failure here
      // is reported like any other but neither loses nor holds up field sync.
      await syncDocuments({ db, keys, fetch: this.deps.fetch, now: this.deps.now, alive });
      return { kind: 'success' };
    } catch (error) {
      if (error instanceof DeviceRevokedError) {
        if (this.deps.session.current()?.db === db) this.deps.wipe(this.deps.session.require());
        return { kind: 'wiped' };
      }
      const failure =
        error instanceof SyncFailure ? error : new SyncFailure('INTERNAL', syncMessages.serverError);
      if (this.deps.session.current()?.db === db && failure.code !== 'LOCKED') {
        recordError(db, { code: failure.code, message: failure.message, at: new Date(this.deps.now()).toISOString() });
      }
      if (!(error instanceof SyncFailure)) throw error;
      return { kind: 'failure', code: failure.code, message: failure.message };
    }
  }

  /** Returns a failure that should not stop the pull (CLOCK_AHEAD); throws the others. */
  private async push(db: Db, keys: RunKeys, alive: () => void): Promise<SyncFailure | null> {
    let gapRepairs = 0;
    for (let round = 0; round < maxBatchesPerRun; round++) {
      alive();
      const batch = nextBatch(db, keys.deviceId, readSyncState(db).lastBatchSeq, this.deps.now());
      if (!batch) return null;
      try {
        const ack = await this.sendBatch(keys, batch);
        alive();
        await storeAck(db, batch, ack, this.deps.now());
      } catch (error) {
        if (!(error instanceof SyncFailure)) throw error;
        alive();
        if (error.code === 'CLOCK_AHEAD') return error;
        if (error.code === 'BATCH_SEQ_GAP' && gapRepairs < maxGapRepairs) {
          gapRepairs += 1;
          this.repairGap(db, batch, error);
          continue;
        }
        if (error.code === 'OUT_OF_SCOPE' && (error.body?.error.rows?.length ?? 0) > 0) {
          this.setAsideOutOfScope(db, batch, error);
          continue;
        }
        throw error;
      }
    }
    throw new SyncFailure('INCOMPLETE', syncMessages.tooManyRounds);
  }

  private sendBatch(keys: RunKeys, batch: PushBatch) {
    return exchange(this.deps.fetch, keys, this.deps.now, {
      path: '/v1/push',
      kind: 'push',
      answerKind: 'push-ack',
      position: { batchSeq: batch.batchSeq },
      body: batch,
      answer: pushAckSchema,
    });
  }

  /**
   * The server waits for another batch number. Lower than ours: it lost batches (restored from
   * an older copy) — our batch takes its number, and the cursor restarts so nothing committed
   * after the restore is skipped. Higher: this device forgot numbers it used — take the next.
   */
  private repairGap(db: Db, batch: PushBatch, error: SyncFailure): void {
    const expected = error.body?.error.expectedBatchSeq;
    if (expected === undefined) throw error;
    db.transaction(() => {
      renumberPendingBatch(db, batch.batchSeq, expected);
      setLastBatchSeq(db, expected - 1);
      if (expected < batch.batchSeq) setCursor(db, '0');
    })();
  }

  /** OUT_OF_SCOPE: nothing was stored. The named rows go to review; the rest is cut anew. */
  private setAsideOutOfScope(db: Db, batch: PushBatch, error: SyncFailure): void {
    const rows = error.body?.error.rows ?? [];
    db.transaction(() => {
      moveOutboxToReview(db, rows, 'out_of_scope', this.deps.now(), true);
      releaseBatch(db, batch.batchSeq);
    })();
  }

  /**
   * Pipelined: while page N is applied, page N+1 (asked for with N's next cursor) is already on
   * the wire, so the server's and the network's time overlaps the local apply. What is applied
   * does not change: each page with its cursor in one transaction, strictly in order. If page N
   * fails to apply, the page fetched ahead is dropped unread; if the fetch ahead fails, the run
   * ends with that error after page N was applied. Asking ahead is harmless to the server: a
   * pull request changes nothing there but the device's `last_pull_at`.
   */
  private async pull(db: Db, keys: RunKeys, alive: () => void): Promise<void> {
    const limit = this.deps.pullLimit ?? DEFAULT_PULL_LIMIT;
    const fetchPage = (cursor: string) => {
      // The compact page (grouped by row); `pullPageCheck` checks it and expands it to the changes in full.
      const body: PullRequest = { ...pullRequestBody(db, { deviceId: keys.deviceId, cursor, limit }), format: 'grouped' };
      const answer = exchange(this.deps.fetch, keys, this.deps.now, {
        path: '/v1/pull',
        kind: 'pull',
        answerKind: 'pull-page',
        position: { cursor },
        body,
        answer: pullPageCheck,
      });
      // Awaited below, or dropped on purpose (the run ended first): never an unhandled rejection.
      answer.catch(() => undefined);
      return answer;
    };
    alive();
    let next = fetchPage(readSyncState(db).cursor);
    for (let page = 0; page < maxPagesPerRun; page++) {
      const answer = await next;
      alive();
      // Ask for the following page before applying this one; the cursor it names is the one
      // this page's transaction stores.
      if (answer.hasMore && page + 1 < maxPagesPerRun) next = fetchPage(answer.nextCursor);
      // The workspace's clock may have been replaced (enrolment): take the current one.
      const ws = this.deps.session.require();
      applyPullPage(
        { db, clock: ws.clock, now: this.deps.now, ...(this.deps.onPullRowApplied ? { onRowApplied: this.deps.onPullRowApplied } : {}) },
        answer,
        { retryUnknown: page === 0 },
      );
      if (!answer.hasMore) return;
    }
    throw new SyncFailure('INCOMPLETE', syncMessages.tooManyRounds);
  }
}
