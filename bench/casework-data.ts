import { createHash } from 'node:crypto';
import { uuidv7 } from '../shared/ids';
import type { Db } from '../electron/core/db-types';
import { addDays } from '../electron/core/casework/tasks/dates';
import { personToRow } from '../electron/core/services/person-mapping';
import {
  casesEntity,
  consentsEntity,
  contactNotesEntity,
  contactsEntity,
  deadlinesEntity,
  documentsEntity,
  goalsEntity,
  householdLinksEntity,
  personsEntity,
  tasksEntity,
  type EntityDefinition,
  type RowValues,
} from '../electron/core/write/entities';
import { writeEntity, type WriteContext } from '../electron/core/write/write-path';
import { generatePerson, seededRandom } from './generate';

/**
 * Fixed, seeded case-work data for bench/casework.ts, written row by row through the write path
 * (writeEntity with the entity definitions), not through the area services, so the bench does
 * not depend on them. Dates are relative to `today`, so the rules see the same picture every run.
 */
const lifeDomains = ['aufenthalt', 'sprache', 'wohnen', 'ausbildung_arbeit', 'gesundheit'] as const;

function create(ctx: WriteContext, entity: EntityDefinition, values: RowValues): string {
  const id = uuidv7(ctx.now());
  writeEntity(ctx, { entity, kind: 'create', rowId: id, values });
  return id;
}

function person(ctx: WriteContext, random: () => number, index: number, validUntil: string): string {
  const input = generatePerson(random, index);
  return create(ctx, personsEntity, {
    ...personToRow({ ...input, residence: { status: input.residence?.status ?? 'duldung', validUntil } }),
    team_id: null,
  });
}

function openCase(ctx: WriteContext, personId: string, openedAt: string, lastContactAt: string | null, closedAt: string | null = null): string {
  return create(ctx, casesEntity, {
    team_id: null,
    person_id: personId,
    phase: closedAt ? 'abschluss' : 'umsetzung',
    case_manager: ctx.actor,
    opened_at: openedAt,
    closed_at: closedAt,
    close_reason: closedAt ? 'ziele_erreicht' : null,
    last_contact_at: lastContactAt,
    target_group: null,
    involved_person_ids: '[]',
  });
}

function contact(ctx: WriteContext, personId: string, caseId: string, date: string, versions: number): string {
  const contactId = create(ctx, contactsEntity, {
    person_id: personId,
    case_id: caseId,
    contact_date: date,
    start_time: '10:00',
    duration_minutes: 45,
    mode: 'persoenlich',
    participants: '["Klient:in"]',
    interpreter: JSON.stringify({ language: 'ar', kind: 'professionell' }),
    topics: '["aufenthalt","sprache"]',
    created_by: ctx.actor,
  });
  for (let version = 1; version <= versions; version++) {
    create(ctx, contactNotesEntity, {
      person_id: personId,
      case_id: caseId,
      contact_id: contactId,
      version,
      text: `Beratungsgespräch zu Aufenthalt und Sprachkurs, Fassung ${version}. `.repeat(8),
      reason: version > 1 ? 'Tippfehler korrigiert' : null,
      written_by: ctx.actor,
      written_at: new Date(ctx.now()).toISOString(),
    });
  }
  return contactId;
}

function consent(ctx: WriteContext, personId: string, caseId: string, givenAt: string, validUntil: string): string {
  return create(ctx, consentsEntity, {
    person_id: personId,
    case_id: caseId,
    purpose: 'schweigepflichtentbindung',
    recipient_partner_id: 'jc-me',
    recipient_name: 'Jobcenter ME-aktiv',
    given_at: givenAt,
    form: 'schriftlich',
    valid_until: validUntil,
    withdrawn_at: null,
    recorded_by: ctx.actor,
  });
}

function goal(ctx: WriteContext, personId: string, caseId: string, domain: string, agreedAt: string, dueAt: string): string {
  return create(ctx, goalsEntity, {
    person_id: personId,
    case_id: caseId,
    life_domain: domain,
    description: 'Ziel aus der Zielvereinbarung',
    agreed_at: agreedAt,
    due_at: dueAt,
    status: 'in_arbeit',
  });
}

/** (a) One person's file: 5 cases, 200 contacts (every 10th note corrected once), 20 documents with chunks, consents, household, tasks. */
export function seedPersonFile(db: Db, ctx: WriteContext, today: string): { personId: string } {
  const random = seededRandom(41);
  let personId = '';
  db.transaction(() => {
    personId = person(ctx, random, 0, addDays(today, 400));
    const members = [1, 2, 3, 4].map((i) => person(ctx, random, i, addDays(today, 400)));
    members.forEach((memberId, i) =>
      create(ctx, householdLinksEntity, {
        person_id: personId,
        related_person_id: memberId,
        relation: i === 0 ? 'partner' : 'kind',
        same_household: 1,
        note: null,
      }),
    );
    const caseIds = [0, 1, 2, 3, 4].map((i) =>
      openCase(ctx, personId, addDays(today, -1500 + i * 300), addDays(today, -1200 + i * 300), i < 4 ? addDays(today, -1100 + i * 300) : null),
    );
    const contactIds: string[] = [];
    for (let i = 0; i < 200; i++) {
      const caseId = caseIds[i % 5]!;
      contactIds.push(contact(ctx, personId, caseId, addDays(today, -1500 + i * 7), i % 10 === 0 ? 2 : 1));
    }
    const consentIds = [0, 1, 2, 3].map((i) => consent(ctx, personId, caseIds[4]!, addDays(today, -300 + i), addDays(today, 60 + i * 100)));
    const insertChunk = db.prepare('INSERT INTO document_chunks (document_id, idx, data) VALUES (?, ?, ?)');
    for (let i = 0; i < 20; i++) {
      const chunks = [Buffer.alloc(4096, i), Buffer.alloc(1024, i + 1)];
      const owner =
        i < 4 ? { kind: 'consent', id: consentIds[i]! } : i < 10 ? { kind: 'contact', id: contactIds[i * 10]! } : i < 15 ? { kind: 'case', id: caseIds[i % 5]! } : { kind: 'person', id: personId };
      const content = Buffer.concat(chunks);
      const documentId = create(ctx, documentsEntity, {
        person_id: personId,
        owner_kind: owner.kind,
        owner_id: owner.id,
        file_name: `scan-${i + 1}.pdf`,
        mime_type: 'application/pdf',
        size_bytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        chunk_size: 4096,
        chunk_count: chunks.length,
        added_by: ctx.actor,
      });
      chunks.forEach((chunk, idx) => insertChunk.run(documentId, idx, chunk));
    }
    for (let i = 0; i < 12; i++) {
      create(ctx, tasksEntity, {
        person_id: personId,
        case_id: caseIds[4]!,
        title: `Wiedervorlage ${i + 1}`,
        due_at: addDays(today, i * 5 - 20),
        source: 'manual',
        rule: null,
        rule_ref: null,
        status: i % 3 === 0 ? 'erledigt' : 'offen',
        done_at: i % 3 === 0 ? today : null,
        assignee: ctx.actor,
        note: null,
      });
    }
  })();
  return { personId };
}

/**
 * (b) `count` open cases of the user, one person each: a quarter with a permit expiring within
 * 90 days (some already expired), a consent each (one in ten expiring within 30 days), two goals
 * each (about one in seven due within a week), two contacts each (three in ten cases without a
 * contact for more than six weeks), a deadline in one case of ten.
 */
export function seedOpenCases(db: Db, ctx: WriteContext, today: string, count: number): void {
  const random = seededRandom(77);
  const batch = 200;
  for (let start = 0; start < count; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(start + batch, count); i++) {
        const permit = random() < 0.25 ? addDays(today, Math.floor(random() * 120) - 30) : addDays(today, 200 + Math.floor(random() * 700));
        const personId = person(ctx, random, 1000 + i, permit);
        const openedAt = addDays(today, -30 - Math.floor(random() * 600));
        const silent = random() < 0.3;
        const lastContact = addDays(today, silent ? -43 - Math.floor(random() * 60) : -Math.floor(random() * 40));
        const caseId = openCase(ctx, personId, openedAt, lastContact);
        contact(ctx, personId, caseId, addDays(lastContact, -20), 1);
        contact(ctx, personId, caseId, lastContact, 1);
        consent(ctx, personId, caseId, openedAt, random() < 0.1 ? addDays(today, Math.floor(random() * 40) - 5) : addDays(today, 100 + Math.floor(random() * 300)));
        for (let g = 0; g < 2; g++) {
          const due = random() < 0.07 ? addDays(today, Math.floor(random() * 10) - 2) : addDays(today, 20 + Math.floor(random() * 200));
          goal(ctx, personId, caseId, lifeDomains[(i + g) % lifeDomains.length]!, openedAt, due);
        }
        if (i % 10 === 0) {
          create(ctx, deadlinesEntity, { person_id: personId, case_id: caseId, legal_domain_id: null, kind: 'p25b', due_at: addDays(today, 5 + (i % 30)), note: null, done_at: null });
        }
      }
    })();
  }
}
