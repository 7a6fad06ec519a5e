import { afterEach, describe, expect, it } from 'vitest';
import { goalsEntity, tasksEntity } from '../../../../electron/core/write/entities';
import { call, fail, userName } from '../../core/helpers';
import {
  advanceDays,
  auditSince,
  caseHarness,
  lastAuditSeq,
  personWithCase,
  plant,
  rowOf,
  rowsOf,
  type CaseHarness,
} from './case-harness';

describe('case phases, closing and reopening', () => {
  let h: CaseHarness;
  afterEach(() => h.close());

  it('each move is dated (back-dated if wanted), written as an event and audited as an update of the case', async () => {
    h = await caseHarness();
    const { caseId, personId } = await personWithCase(h);
    await advanceDays(h, 5); // today: 2025-03-19
    const before = lastAuditSeq(h);
    const moved = await call(h.core, 'cases.movePhase', { caseId, to: 'clearing', movedAt: '2025-03-17', note: 'Erstgespräch geführt' });
    expect(moved.case.phase).toBe('clearing');
    expect(moved.phaseEvents).toMatchObject([
      { kind: 'open', toPhase: 'zugang', movedAt: '2025-03-14' },
      { kind: 'move', fromPhase: 'zugang', toPhase: 'clearing', movedAt: '2025-03-17', note: 'Erstgespräch geführt', by: userName, closeReason: null },
    ]);
    const audit = auditSince(h, before);
    expect(audit).toMatchObject([
      { action: 'update', entity: 'cases', row_id: caseId, actor: userName, details: '{"fields":["phase"]}' },
      { action: 'create', entity: 'case_phase_events' },
    ]);
    expect(JSON.stringify(audit)).not.toContain('Erstgespräch');
    expect(rowsOf(h, 'case_phase_events', "kind = 'move'")).toMatchObject([{ person_id: personId, case_id: caseId }]);

    // without a date: today
    const next = await call(h.core, 'cases.movePhase', { caseId, to: 'hilfeplanung' });
    expect(next.phaseEvents.at(-1)).toMatchObject({ fromPhase: 'clearing', toPhase: 'hilfeplanung', movedAt: '2025-03-19', note: null });
    // back to an earlier phase is allowed
    const back = await call(h.core, 'cases.movePhase', { caseId, to: 'zugang' });
    expect(back.case.phase).toBe('zugang');
    expect(back.phaseEvents).toHaveLength(4);
  });

  it('refuses skipping, the same phase, dates in the future or before the opening; nothing is written', async () => {
    h = await caseHarness();
    const { caseId } = await personWithCase(h);
    const before = lastAuditSeq(h);
    const skip = await fail(h.core, 'cases.movePhase', { caseId, to: 'hilfeplanung' });
    expect(skip.code).toBe('INVALID_TRANSITION');
    expect(skip.message).toContain('keine Phasen übersprungen');
    expect((await fail(h.core, 'cases.movePhase', { caseId, to: 'zugang' })).code).toBe('INVALID_TRANSITION');
    const future = await fail(h.core, 'cases.movePhase', { caseId, to: 'clearing', movedAt: '2025-03-15' });
    expect(future).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { movedAt: 'Das Datum darf nicht in der Zukunft liegen.' } });
    const early = await fail(h.core, 'cases.movePhase', { caseId, to: 'clearing', movedAt: '2025-03-13' });
    expect(early).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { movedAt: 'Das Datum darf nicht vor der Eröffnung des Falls liegen.' } });
    // 'abschluss' is reached only by closing (the contract refuses it here)
    expect((await fail(h.core, 'cases.movePhase', { caseId, to: 'abschluss' })).code).toBe('INVALID_INPUT');
    expect(auditSince(h, before)).toEqual([]);
    expect((await fail(h.core, 'cases.movePhase', { caseId: '0193a0e0-0000-7000-8000-000000000000', to: 'clearing' })).code).toBe('NOT_FOUND');
  });

  it('phase events are listed by the date they took effect, then by when they were written', async () => {
    h = await caseHarness();
    const { caseId } = await personWithCase(h);
    await advanceDays(h, 10); // 2025-03-24
    await call(h.core, 'cases.movePhase', { caseId, to: 'clearing', movedAt: '2025-03-20' });
    h.clock.advance(1000);
    await call(h.core, 'cases.movePhase', { caseId, to: 'zugang', movedAt: '2025-03-20', note: 'nachgetragen' });
    h.clock.advance(1000);
    await call(h.core, 'cases.movePhase', { caseId, to: 'clearing', movedAt: '2025-03-20' });
    const detail = await call(h.core, 'cases.get', { id: caseId });
    expect(detail.phaseEvents.map((e) => [e.movedAt, e.toPhase])).toEqual([
      ['2025-03-14', 'zugang'],
      ['2025-03-20', 'clearing'],
      ['2025-03-20', 'zugang'],
      ['2025-03-20', 'clearing'],
    ]);
    // same date: the one written first comes first
    expect(detail.phaseEvents.slice(1).map((e) => e.createdAt)).toEqual([...detail.phaseEvents.slice(1).map((e) => e.createdAt)].sort());
    expect(detail.phaseEvents[2]?.note).toBe('nachgetragen');
  });

  it('a move or a closing cannot be dated before the latest move (the history must end in the current phase)', async () => {
    h = await caseHarness();
    const { caseId } = await personWithCase(h);
    await advanceDays(h, 10); // 2025-03-24
    await call(h.core, 'cases.movePhase', { caseId, to: 'clearing', movedAt: '2025-03-20' });
    const before = lastAuditSeq(h);
    const message = 'Das Datum darf nicht vor dem letzten Phasenwechsel (20.03.2025) liegen.';
    expect(await fail(h.core, 'cases.movePhase', { caseId, to: 'hilfeplanung', movedAt: '2025-03-19' })).toMatchObject({
      code: 'INVALID_INPUT',
      message,
      fieldErrors: { movedAt: message },
    });
    expect(await fail(h.core, 'cases.close', { caseId, reason: 'wegzug', closedAt: '2025-03-19' })).toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { closedAt: message },
    });
    expect(auditSince(h, before)).toEqual([]);

    // on the day of the latest move (or later) it goes ahead; reopening is dated today
    await call(h.core, 'cases.movePhase', { caseId, to: 'hilfeplanung', movedAt: '2025-03-20' });
    await call(h.core, 'cases.close', { caseId, reason: 'wegzug', closedAt: '2025-03-22' });
    const reopened = await call(h.core, 'cases.reopen', { caseId, to: 'hilfeplanung', reason: 'zurückgezogen' });
    expect(reopened.phaseEvents.map((e) => [e.kind, e.movedAt])).toEqual([
      ['open', '2025-03-14'],
      ['move', '2025-03-20'],
      ['move', '2025-03-20'],
      ['close', '2025-03-22'],
      ['reopen', '2025-03-24'],
    ]);
    expect(reopened.phaseEvents.at(-1)?.toPhase).toBe(reopened.case.phase);
  });

  it('closing is blocked by an open goal and an open task until acknowledged; then the open tasks are dropped in the same transaction', async () => {
    h = await caseHarness();
    const { caseId, personId } = await personWithCase(h);
    const other = await personWithCase(h);
    const goal = plant(h, goalsEntity, { person_id: personId, case_id: caseId, life_domain: 'sprache', description: 'B1-Kurs beginnen', agreed_at: '2025-03-14', due_at: '2025-06-30', status: 'in_arbeit' });
    plant(h, goalsEntity, { person_id: personId, case_id: caseId, life_domain: 'wohnen', description: 'Wohnung', status: 'erreicht' });
    const goneGoal = plant(h, goalsEntity, { person_id: personId, case_id: caseId, life_domain: 'arbeit', description: 'alt', status: 'offen' });
    h.db.prepare("UPDATE goals SET deleted_at = '2025-03-14T10:00:00.000Z' WHERE id = ?").run(goneGoal);
    const task = plant(h, tasksEntity, { person_id: personId, case_id: caseId, title: 'Termin ABH', due_at: '2025-04-01', source: 'manual', status: 'offen' });
    const doneTask = plant(h, tasksEntity, { person_id: personId, case_id: caseId, title: 'Antrag', due_at: '2025-03-01', source: 'manual', status: 'erledigt' });
    const otherTask = plant(h, tasksEntity, { person_id: other.personId, case_id: other.caseId, title: 'Anderer Fall', due_at: '2025-04-01', source: 'manual', status: 'offen' });

    expect(await call(h.core, 'cases.closeCheck', { caseId })).toEqual({
      openGoals: [{ id: goal, description: 'B1-Kurs beginnen', status: 'in_arbeit' }],
      openTasks: [{ id: task, title: 'Termin ABH', dueAt: '2025-04-01' }],
    });

    const blocked = await fail(h.core, 'cases.close', { caseId, reason: 'ziele_erreicht' });
    expect(blocked).toEqual({
      code: 'CLOSE_BLOCKED',
      message:
        'Der Fall hat noch 1 offenes Ziel und 1 offene Wiedervorlage. Bitte prüfen und bestätigen, dass der Fall trotzdem abgeschlossen wird; offene Wiedervorlagen entfallen dann.',
    });
    expect(rowOf(h, 'cases', caseId).phase).toBe('zugang');

    const before = lastAuditSeq(h);
    const closed = await call(h.core, 'cases.close', { caseId, reason: 'wegzug', note: 'nach Köln', acknowledgeOpenItems: true });
    expect(closed.case).toMatchObject({ phase: 'abschluss', closedAt: '2025-03-14', closeReason: 'wegzug', closeNote: 'nach Köln' });
    expect(closed.phaseEvents.at(-1)).toMatchObject({ kind: 'close', fromPhase: 'zugang', toPhase: 'abschluss', closeReason: 'wegzug', note: 'nach Köln', movedAt: '2025-03-14' });
    expect(rowOf(h, 'tasks', task).status).toBe('entfallen');
    expect(rowOf(h, 'tasks', doneTask).status).toBe('erledigt');
    expect(rowOf(h, 'tasks', otherTask).status).toBe('offen');
    expect(rowOf(h, 'goals', goal).status).toBe('in_arbeit');
    expect(auditSince(h, before)).toMatchObject([
      { action: 'update', entity: 'tasks', row_id: task, details: '{"fields":["status"]}' },
      { action: 'update', entity: 'cases', row_id: caseId, details: '{"fields":["phase","closed_at","close_reason","close_note"]}' },
      { action: 'create', entity: 'case_phase_events' },
    ]);
    // the dropped task went into the outbox like any edit, so it syncs
    expect(h.db.prepare("SELECT value FROM outbox WHERE entity = 'tasks' AND row_id = ? AND field = 'status' ORDER BY rowid DESC LIMIT 1").get(task)).toEqual({
      value: '"entfallen"',
    });
  });

  it('closing without open items needs no acknowledgement; "Sonstiges" needs a text; a closed case cannot be closed again', async () => {
    h = await caseHarness();
    const { caseId } = await personWithCase(h);
    expect(await call(h.core, 'cases.closeCheck', { caseId })).toEqual({ openGoals: [], openTasks: [] });
    const noText = await fail(h.core, 'cases.close', { caseId, reason: 'sonstiges' });
    expect(noText).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { note: 'Bitte den Grund beschreiben' } });
    const closed = await call(h.core, 'cases.close', { caseId, reason: 'sonstiges', note: 'Familie betreut durch Jugendamt' });
    expect(closed.case).toMatchObject({ phase: 'abschluss', closeReason: 'sonstiges', closeNote: 'Familie betreut durch Jugendamt' });
    expect((await fail(h.core, 'cases.close', { caseId, reason: 'wegzug' })).code).toBe('INVALID_TRANSITION');
    expect(await call(h.core, 'cases.mine', {})).toEqual([]);
  });

  it('a closed case refuses phase moves and edits, and is reopened with a reason', async () => {
    h = await caseHarness();
    const { caseId } = await personWithCase(h);
    expect((await fail(h.core, 'cases.reopen', { caseId, reason: 'versehentlich' })).code).toBe('INVALID_TRANSITION');
    await call(h.core, 'cases.close', { caseId, reason: 'kontaktabbruch', closedAt: '2025-03-14' });
    await advanceDays(h, 30); // 2025-04-13

    const move = await fail(h.core, 'cases.movePhase', { caseId, to: 'clearing' });
    expect(move).toEqual({ code: 'INVALID_TRANSITION', message: 'Der Fall ist abgeschlossen. Um weiterzuarbeiten, bitte den Fall wieder öffnen.' });
    const closedMessage = 'Der Fall ist abgeschlossen. Bitte zuerst den Fall wieder öffnen.';
    expect(await fail(h.core, 'cases.setInvolved', { caseId, personIds: [] })).toEqual({ code: 'INVALID_TRANSITION', message: closedMessage });
    expect(await fail(h.core, 'legal.saveDomain', { caseId, domain: 'sgb2', office: 'Jobcenter' })).toEqual({ code: 'INVALID_TRANSITION', message: closedMessage });
    expect(await fail(h.core, 'deadlines.save', { caseId, kind: 'p25b', dueAt: '2025-09-01' })).toEqual({ code: 'INVALID_TRANSITION', message: closedMessage });
    expect(await fail(h.core, 'themes.add', { caseId, themeKey: 'wohnraum', notedAt: '2025-04-13' })).toEqual({ code: 'INVALID_TRANSITION', message: closedMessage });
    // reading still works
    expect(await call(h.core, 'legal.list', { caseId })).toEqual({ domains: [], deadlines: [] });

    const before = lastAuditSeq(h);
    const reopened = await call(h.core, 'cases.reopen', { caseId, to: 'hilfeplanung', reason: 'Person hat sich wieder gemeldet' });
    expect(reopened.case).toMatchObject({ phase: 'hilfeplanung', closedAt: null, closeReason: null, closeNote: null });
    expect(reopened.phaseEvents.at(-1)).toMatchObject({
      kind: 'reopen',
      fromPhase: 'abschluss',
      toPhase: 'hilfeplanung',
      movedAt: '2025-04-13',
      note: 'Person hat sich wieder gemeldet',
    });
    expect(auditSince(h, before)).toMatchObject([
      { action: 'update', entity: 'cases', details: '{"fields":["phase","closed_at","close_reason"]}' },
      { action: 'create', entity: 'case_phase_events' },
    ]);
    expect(reopened.phaseEvents.map((e) => e.kind)).toEqual(['open', 'close', 'reopen']);
    // work goes on
    expect((await call(h.core, 'cases.movePhase', { caseId, to: 'umsetzung' })).case.phase).toBe('umsetzung');
    // the default phase to reopen into is Umsetzung; Zugang is not offered
    expect((await fail(h.core, 'cases.reopen', { caseId, to: 'zugang', reason: 'x' })).code).toBe('INVALID_INPUT');
  });
});
