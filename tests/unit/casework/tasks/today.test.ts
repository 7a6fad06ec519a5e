import { afterEach, describe, expect, it } from 'vitest';
import { todayDashboard } from '../../../../electron/core/casework/tasks/today';
import { tasksEntity } from '../../../../electron/core/write/entities';
import { userName } from '../../core/helpers';
import { addCase, addPerson, openWorld, write, type TaskWorld } from './task-fixtures';

// FakeClock: 14.03.2025, 09:30 UTC
const dayMs = 86_400_000;
let world: TaskWorld;
afterEach(() => world?.close());

function manual(world: TaskWorld, personId: string, title: string, dueAt: string, extra: Record<string, string | null> = {}): string {
  return write(world.ws, tasksEntity, {
    person_id: personId,
    case_id: null,
    title,
    due_at: dueAt,
    source: 'manual',
    rule: null,
    rule_ref: null,
    status: 'offen',
    done_at: null,
    assignee: userName,
    note: null,
    ...extra,
  });
}

describe('"Heute"', () => {
  it('sorts the user’s open tasks into overdue, due today, the next 7 days, and new this week', () => {
    world = openWorld();
    const { ws } = world;
    const personId = addPerson(ws, undefined, 'Ahmadi');
    addCase(ws, personId);
    addCase(ws, addPerson(ws, undefined, 'Osman'));
    addCase(ws, addPerson(ws, undefined, 'Nasser'), { case_manager: 'Kim Kollegin' });
    addCase(ws, addPerson(ws, undefined, 'Haile'), { closed_at: '2025-03-01', phase: 'abschluss' });

    // created a while ago: not "fresh"
    manual(world, personId, 'Überfällig', '2025-03-20');
    manual(world, personId, 'Heute fällig', '2025-03-24');
    manual(world, personId, 'In sieben Tagen', '2025-03-31');
    manual(world, personId, 'In acht Tagen', '2025-04-01');
    manual(world, personId, 'Erledigt', '2025-03-20', { status: 'erledigt', done_at: '2025-03-21' });
    manual(world, personId, 'Für die Kollegin', '2025-03-20', { assignee: 'Kim Kollegin' });
    world.clock.advance(10 * dayMs); // 24.03.
    manual(world, personId, 'Neu, in einem Monat', '2025-04-24');
    manual(world, personId, 'Neu und überfällig', '2025-03-23');

    const today = todayDashboard(ws);
    const titles = (list: { title: string }[]) => list.map((t) => t.title);
    expect(today.date).toBe('2025-03-24');
    expect(titles(today.overdue)).toEqual(['Überfällig', 'Neu und überfällig']);
    expect(titles(today.dueToday)).toEqual(['Heute fällig']);
    expect(titles(today.upcoming)).toEqual(['In sieben Tagen']);
    expect(new Set(titles(today.fresh))).toEqual(new Set(['Neu, in einem Monat', 'Neu und überfällig']));
    expect(today.overdue[0]?.personName).toBe('Ahmadi, Farid');
    expect(today.openCases).toBe(2);
  });

  it('fresh lists the newest first and ends after 7 days', () => {
    world = openWorld();
    const { ws } = world;
    const personId = addPerson(ws);
    manual(world, personId, 'Erste', '2025-05-01');
    world.clock.advance(60_000);
    manual(world, personId, 'Zweite', '2025-05-01');
    expect(todayDashboard(ws).fresh.map((t) => t.title)).toEqual(['Zweite', 'Erste']);
    world.clock.advance(7 * dayMs); // exactly 7 days after "Zweite": still new
    expect(todayDashboard(ws).fresh.map((t) => t.title)).toEqual(['Zweite']);
    world.clock.advance(1);
    expect(todayDashboard(ws).fresh).toHaveLength(0);
  });

  it('includes rule tasks created on the way, and leaves out tasks of a deleted person', () => {
    world = openWorld();
    const { ws } = world;
    const personId = addPerson(ws, '2025-04-30');
    addCase(ws, personId);
    const gone = addPerson(ws, undefined, 'Gelöscht');
    manual(world, gone, 'Weg', '2025-03-14');
    ws.db.prepare('UPDATE persons SET deleted_at = ? WHERE id = ?').run('2025-03-14T09:00:00.000Z', gone);

    const today = todayDashboard(ws);
    expect(today.dueToday.map((t) => [t.title, t.source, t.rule])).toEqual([['Aufenthaltstitel läuft am 30.04.2025 ab', 'rule', 'permit_expiry']]);
    expect(today.fresh).toHaveLength(1);
  });
});
