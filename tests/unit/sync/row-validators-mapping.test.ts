import { afterEach, describe, expect, it } from 'vitest';
import { assessmentCandidate } from '../../../electron/core/casework/care/assessments';
import { consentCandidate } from '../../../electron/core/casework/care/consents';
import { contactCandidate, noteCandidate } from '../../../electron/core/casework/care/contacts';
import { goalCandidate } from '../../../electron/core/casework/care/plan';
import { referralCandidate } from '../../../electron/core/casework/care/referrals';
import { deadlineCandidate, legalDomainCandidate } from '../../../electron/core/casework/cases/legal';
import { phaseEventCandidate } from '../../../electron/core/casework/cases/phase-events';
import { caseThemeCandidate } from '../../../electron/core/casework/cases/themes';
import { documentCandidate } from '../../../electron/core/casework/documents/documents';
import { taskCandidate } from '../../../electron/core/casework/tasks/task-rows';
import { checkRow } from '../../../electron/core/sync/row-validators';
import { allEntities, type RowValues } from '../../../electron/core/write/entities';
import { assessmentSchema } from '../../../shared/domain/assessment';
import { phaseEventSchema } from '../../../shared/domain/case';
import { consentSchema } from '../../../shared/domain/consent';
import { contactSchema, noteVersionSchema } from '../../../shared/domain/contact';
import { documentSchema } from '../../../shared/domain/document';
import { deadlineSchema, legalDomainSchema } from '../../../shared/domain/legal';
import { goalSchema } from '../../../shared/domain/plan';
import { referralSchema } from '../../../shared/domain/referral';
import { taskSchema } from '../../../shared/domain/task';
import { caseThemeSchema } from '../../../shared/domain/theme';
import { call } from '../core/helpers';
import { caseHarness, personWithCase, rowOf, type CaseHarness } from '../casework/cases/case-harness';

/**
 * The row check of the sync (review list) and the case-work screens read a row with the same
 * mapper: what a service writes passes the check, the check's candidate (neutral values for
 * what comes from other tables) is the service's object, and a column the check refuses makes
 * the screen skip the row. Today = 14.03.2025.
 */
describe('row check and case-work services map a row alike', () => {
  let h: CaseHarness;
  afterEach(() => h.close());

  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

  /** One record of every case-work entity, written through the channels. */
  async function caseWithEverything() {
    const { personId, caseId } = await personWithCase(h);
    const moved = await call(h.core, 'cases.movePhase', { caseId, to: 'clearing', movedAt: '2025-03-14', note: 'Erstgespräch' });
    const consent = await call(h.core, 'consents.create', {
      personId,
      caseId,
      purpose: 'schweigepflichtentbindung',
      recipientPartnerId: 'jc-me',
      givenAt: '2025-03-01',
      form: 'schriftlich',
    });
    const document = await call(h.core, 'documents.add', { personId, ownerKind: 'consent', ownerId: consent.id, fileName: 'einwilligung.pdf', mimeType: 'application/pdf', dataBase64: pdf });
    const history = await call(h.core, 'assessments.record', { caseId, assessedAt: '2025-03-14', entries: [{ lifeDomain: 'sprache', needLevel: 'hoch', situation: 'A1' }] });
    const goal = await call(h.core, 'goals.create', { caseId, lifeDomain: 'sprache', description: 'B1-Prüfung', agreedAt: '2025-03-14', dueAt: '2025-12-31' });
    const withStep = await call(h.core, 'steps.create', { goalId: goal.id, description: 'Anmeldung', responsible: 'partner', partnerId: 'ik-vhs', dueAt: '2025-03-31' });
    const contact = await call(h.core, 'contacts.create', {
      caseId,
      contactDate: '2025-03-14',
      startTime: '10:30',
      durationMinutes: 45,
      mode: 'persoenlich',
      participants: ['Klientin'],
      interpreter: { language: 'Arabisch', kind: 'professionell' },
      topics: [],
      note: 'Gespräch',
    });
    const domain = await call(h.core, 'legal.saveDomain', { caseId, domain: 'sgb2', office: 'Jobcenter', fileNumber: 'BG-1' });
    const deadline = await call(h.core, 'deadlines.save', { caseId, legalDomainId: domain.id, kind: 'p25b', dueAt: '2025-09-01' });
    const referral = await call(h.core, 'referrals.create', { caseId, partnerId: 'jc-me', lifeDomain: 'ausbildung_arbeit', reason: 'Arbeitsaufnahme', referredAt: '2025-03-14' });
    const task = await call(h.core, 'tasks.create', { personId, caseId, title: 'Termin ABH', dueAt: '2025-04-01' });
    const theme = await call(h.core, 'themes.add', { caseId, themeKey: 'wohnraum', notedAt: '2025-03-14' });
    const [withDocument] = await call(h.core, 'consents.list', { personId });
    const assessment = history.find((entry) => entry.lifeDomain === 'sprache')?.current;
    if (!withDocument || !assessment) throw new Error('seed incomplete');
    return { personId, caseId, phaseEvents: moved.phaseEvents, consent: withDocument, document, assessment, goal: withStep, contact, domain, deadline, referral, task, theme };
  }

  it('every row the services wrote passes its check; the check reads it as the service does', async () => {
    h = await caseHarness();
    const seed = await caseWithEverything();

    for (const entity of allEntities) {
      const rows = h.db.prepare(`SELECT * FROM ${entity.table}`).all() as RowValues[];
      if (entity.name !== 'household_links') expect(rows.length, entity.name).toBeGreaterThan(0);
      for (const row of rows) expect(checkRow(entity.name, row), entity.name).toEqual({ ok: true });
    }

    // the row check's candidate, with its neutral values, is the service's object but for those values
    const row = (table: string, id: string) => rowOf(h, table, id);
    for (const event of seed.phaseEvents) expect(phaseEventSchema.parse(phaseEventCandidate(row('case_phase_events', event.id)))).toEqual(event);
    expect(seed.consent).toMatchObject({ status: 'gueltig', documentIds: [seed.document.id] });
    expect(consentSchema.parse(consentCandidate(row('consents', seed.consent.id), 'gueltig', []))).toEqual({ ...seed.consent, documentIds: [] });
    expect(documentSchema.parse(documentCandidate(row('documents', seed.document.id), true))).toEqual(seed.document);
    expect(assessmentSchema.parse(assessmentCandidate(row('assessments', seed.assessment.id)))).toEqual(seed.assessment);
    expect(goalSchema.parse(goalCandidate(row('goals', seed.goal.id), []))).toEqual({ ...seed.goal, steps: [] });
    expect(contactSchema.parse(contactCandidate(row('contacts', seed.contact.id), []))).toEqual({ ...seed.contact, notes: [] });
    const note = seed.contact.notes[0]!;
    expect(noteVersionSchema.parse(noteCandidate(row('contact_notes', note.id)))).toEqual(note);
    expect(legalDomainSchema.parse(legalDomainCandidate(row('legal_domains', seed.domain.id)))).toEqual(seed.domain);
    expect(deadlineSchema.parse(deadlineCandidate(row('deadlines', seed.deadline.id)))).toEqual(seed.deadline);
    expect(referralSchema.parse(referralCandidate(row('referrals', seed.referral.id)))).toEqual(seed.referral);
    expect(taskSchema.parse(taskCandidate(row('tasks', seed.task.id), ''))).toEqual({ ...seed.task, personName: '' });
    expect(caseThemeSchema.parse(caseThemeCandidate(row('case_themes', seed.theme.id)))).toEqual(seed.theme);
  });

  it('a column the check refuses makes the screen skip the row', async () => {
    h = await caseHarness();
    const seed = await caseWithEverything();
    const { personId, caseId } = seed;
    const cases: { table: string; id: string; column: string; value: string; listed: () => Promise<string[]> }[] = [
      { table: 'case_phase_events', id: seed.phaseEvents[1]!.id, column: 'to_phase', value: 'xyz', listed: async () => (await call(h.core, 'cases.get', { id: caseId })).phaseEvents.map((e) => e.id) },
      { table: 'consents', id: seed.consent.id, column: 'form', value: 'xyz', listed: async () => (await call(h.core, 'consents.list', { personId })).map((c) => c.id) },
      { table: 'documents', id: seed.document.id, column: 'mime_type', value: 'xyz', listed: async () => (await call(h.core, 'documents.list', { personId })).map((d) => d.id) },
      {
        table: 'assessments',
        id: seed.assessment.id,
        column: 'need_level',
        value: 'xyz',
        listed: async () => (await call(h.core, 'assessments.history', { caseId })).flatMap((d) => (d.current ? [d.current.id] : [])),
      },
      { table: 'goals', id: seed.goal.id, column: 'status', value: 'xyz', listed: async () => (await call(h.core, 'goals.list', { caseId })).map((g) => g.id) },
      { table: 'contacts', id: seed.contact.id, column: 'mode', value: 'xyz', listed: async () => (await call(h.core, 'contacts.list', { caseId })).map((c) => c.id) },
      { table: 'legal_domains', id: seed.domain.id, column: 'domain', value: 'xyz', listed: async () => (await call(h.core, 'legal.list', { caseId })).domains.map((d) => d.id) },
      { table: 'deadlines', id: seed.deadline.id, column: 'due_at', value: '2025-02-30', listed: async () => (await call(h.core, 'legal.list', { caseId })).deadlines.map((d) => d.id) },
      { table: 'referrals', id: seed.referral.id, column: 'status', value: 'xyz', listed: async () => (await call(h.core, 'referrals.list', { caseId })).map((r) => r.id) },
      { table: 'tasks', id: seed.task.id, column: 'status', value: 'xyz', listed: async () => (await call(h.core, 'tasks.list', { caseId, includeDone: true })).map((t) => t.id) },
      { table: 'case_themes', id: seed.theme.id, column: 'noted_at', value: '2025-02-30', listed: async () => (await call(h.core, 'themes.list', { caseId })).map((t) => t.id) },
    ];
    for (const { table, id, column, value, listed } of cases) {
      expect(await listed(), table).toContain(id);
      h.db.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(value, id);
      expect(checkRow(table, rowOf(h, table, id)), table).toMatchObject({ ok: false, issues: [{ path: column }] });
      expect(await listed(), table).not.toContain(id);
    }
  });
});
