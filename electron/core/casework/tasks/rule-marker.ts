import type { Db } from '../../db-types';
import { readMeta, writeMeta } from '../../store/meta';
import { prepared } from '../../store/prepared';

/**
 * When the task rules last ran, as a cheap marker in `meta`: today's date and the seq of the
 * newest audit entry that changed a table the rules read. Every local write and every pulled
 * change is audited ('create'/'update'/'delete'/'sync'/'purge'); reads and exports are too, but
 * change nothing, so they are skipped. Writes to other tables — above all the tasks themselves,
 * when the user ticks one off on "Heute", and the rules' own writes — do not make the rules
 * run again. Same date and same seq: nothing the rules look at can have changed.
 */
const markerKey = 'task_rules_marker';

/** The tables gatherRuleFacts reads (facts.ts); a new fact source must be named here too. */
const ruleInputs = ['persons', 'cases', 'consents', 'goals', 'deadlines'];

const lastInputChangeSql = `SELECT seq FROM audit_log
  WHERE entity IN (${ruleInputs.map((name) => `'${name}'`).join(', ')}) AND action NOT IN ('read', 'export')
  ORDER BY seq DESC LIMIT 1`;

export function currentRuleMarker(db: Db, today: string): string {
  const row = prepared(db, lastInputChangeSql).get() as { seq: number } | undefined;
  return `${today}|${row?.seq ?? 0}`;
}

export function rulesAreCurrent(db: Db, today: string): boolean {
  return readMeta(db, markerKey) === currentRuleMarker(db, today);
}

/** Call at the end of a rule run, inside its transaction. */
export function recordRuleRun(db: Db, today: string): void {
  writeMeta(db, markerKey, currentRuleMarker(db, today));
}

/** After a settings change the next "Heute" runs the rules again. */
export function forgetRuleRun(db: Db): void {
  prepared(db, 'DELETE FROM meta WHERE key = ?').run(markerKey);
}
