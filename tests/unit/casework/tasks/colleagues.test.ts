import { afterEach, describe, expect, it } from 'vitest';
import { refreshRuleTasks } from '../../../../electron/core/casework/tasks/refresh';
import { ruleTaskId } from '../../../../electron/core/casework/tasks/stable-id';
import type { Workspace } from '../../../../electron/core/session/session';
import { casesEntity } from '../../../../electron/core/write/entities';
import { userName } from '../../core/helpers';
import { addCase, addPerson, openWorld, ruleTaskRows, taskRow, update, type TaskWorld } from './task-fixtures';

/**
 * Rule tasks with several colleagues' cases for one person (review finding 4: the tasks flapped
 * between the colleagues' devices on every sync). Two users' workspaces on one store stand for
 * two devices after each sync. Today = 14.03.2025.
 */
const nothing = { created: 0, reassigned: 0, dropped: 0, revived: 0 };
const colleagueName = 'Jonas Weber';

describe('rule tasks and colleagues', () => {
  let world: TaskWorld;
  afterEach(() => world?.close());

  function twoDevices(): { mine: Workspace; colleague: Workspace } {
    world = openWorld();
    const mine = world.ws;
    return { mine, colleague: { ...mine, profile: { ...mine.profile, userName: colleagueName } } };
  }

  it('a permit task is settled after both colleagues ran the rules once (on the newest open case, by its case manager)', () => {
    const { mine, colleague } = twoDevices();
    const personId = addPerson(mine, '2025-05-31'); // within the 90-day lead of 14.03.2025
    addCase(mine, personId, { case_manager: userName, opened_at: '2025-03-01' });
    const newer = addCase(mine, personId, { case_manager: colleagueName, opened_at: '2025-03-05' });

    // the task belongs to the colleague's newer case: my device leaves it to theirs
    expect(refreshRuleTasks(mine)).toEqual(nothing);
    expect(refreshRuleTasks(colleague)).toEqual({ ...nothing, created: 1 });
    expect(refreshRuleTasks(mine)).toEqual(nothing);
    expect(refreshRuleTasks(colleague)).toEqual(nothing);
    expect(taskRow(mine, ruleTaskId('permit_expiry', personId, '2025-05-31'))).toMatchObject({ case_id: newer, assignee: colleagueName, status: 'offen' });
  });

  it('a task on my case moves to a colleague’s newer case once, without being dropped on the way', () => {
    const { mine, colleague } = twoDevices();
    const personId = addPerson(mine, '2025-05-31');
    addCase(mine, personId, { opened_at: '2025-03-01' });
    expect(refreshRuleTasks(mine).created).toBe(1);

    const newer = addCase(mine, personId, { case_manager: colleagueName, opened_at: '2025-03-05' });
    expect(refreshRuleTasks(mine)).toEqual(nothing); // still wanted, only elsewhere: not mine to drop
    expect(refreshRuleTasks(colleague)).toEqual({ ...nothing, reassigned: 1 });
    for (let run = 0; run < 2; run++) {
      expect(refreshRuleTasks(mine)).toEqual(nothing);
      expect(refreshRuleTasks(colleague)).toEqual(nothing);
    }
    expect(ruleTaskRows(mine)).toMatchObject([{ case_id: newer, assignee: colleagueName, status: 'offen' }]);
  });

  it('my case closed while the colleague’s is open: the task is left for the colleague, not dropped', () => {
    const { mine, colleague } = twoDevices();
    const personId = addPerson(mine, '2025-05-31');
    const myCase = addCase(mine, personId, { opened_at: '2025-03-05' });
    const theirs = addCase(mine, personId, { case_manager: colleagueName, opened_at: '2025-03-01' });
    expect(refreshRuleTasks(mine).created).toBe(1);
    update(mine, casesEntity, myCase, { phase: 'abschluss', closed_at: '2025-03-14', close_reason: 'ziele_erreicht' });

    expect(refreshRuleTasks(mine)).toEqual(nothing);
    expect(refreshRuleTasks(colleague)).toEqual({ ...nothing, reassigned: 1 });
    expect(refreshRuleTasks(mine)).toEqual(nothing);
    expect(ruleTaskRows(mine)).toMatchObject([{ case_id: theirs, assignee: colleagueName, status: 'offen' }]);
  });

  it('a case without a case manager: no device claims its rule tasks', () => {
    const { mine, colleague } = twoDevices();
    const personId = addPerson(mine, '2025-05-31');
    addCase(mine, personId, { case_manager: '', last_contact_at: '2025-01-01' });
    expect(refreshRuleTasks(mine)).toEqual(nothing);
    expect(refreshRuleTasks(colleague)).toEqual(nothing);
    expect(refreshRuleTasks(mine)).toEqual(nothing);
    expect(ruleTaskRows(mine)).toHaveLength(0);
  });
});
