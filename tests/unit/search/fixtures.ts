import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../../../electron/core/db-types';
import { reindexPerson, unindexPerson } from '../../../electron/core/search/indexer';
import { searchMigration } from '../../../electron/core/search/migration';
import type { BirthDate } from '../../../shared/domain/person';

/** The columns of migration 001's persons table that search reads (plus what NOT NULL needs). */
export const PERSONS_TABLE = `
CREATE TABLE persons (
  id              TEXT PRIMARY KEY NOT NULL,
  team_id         TEXT,
  family_name     TEXT NOT NULL,
  given_names     TEXT NOT NULL,
  other_spellings TEXT NOT NULL DEFAULT '[]',
  birth_date      TEXT NOT NULL,
  gender          TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
);`;

export function openDb(path = ':memory:', key?: string): Db {
  const db = new Database(path);
  if (key !== undefined) db.pragma(`key='${key}'`);
  db.exec(PERSONS_TABLE);
  db.exec(searchMigration.sql);
  return db;
}

export interface TestPerson {
  familyName: string;
  givenNames: string;
  otherSpellings?: string[];
  birthDate?: BirthDate;
}

let counter = 0;

/** A UUID-shaped id that sorts in creation order, like the UUIDv7 of the app. */
export function nextId(): string {
  counter++;
  return `0190a000-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`;
}

/** Writes a person the way the core's write path does: row and index in one transaction. */
export function addPerson(db: Db, person: TestPerson, id = nextId()): string {
  const now = '2025-01-01T00:00:00.000Z';
  const otherSpellings = person.otherSpellings ?? [];
  db.transaction(() => {
    db.prepare(
      `INSERT INTO persons (id, family_name, given_names, other_spellings, birth_date, gender, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'unbekannt', ?, ?)`,
    ).run(id, person.familyName, person.givenNames, JSON.stringify(otherSpellings), JSON.stringify(person.birthDate ?? { kind: 'unknown' }), now, now);
    reindexPerson(db, { id, familyName: person.familyName, givenNames: person.givenNames, otherSpellings });
  })();
  return id;
}

export function tombstone(db: Db, id: string): void {
  db.transaction(() => {
    db.prepare(`UPDATE persons SET deleted_at = '2025-02-01T00:00:00.000Z' WHERE id = ?`).run(id);
    unindexPerson(db, id);
  })();
}

/**
 * Spelling variants that MUST find each other (issue 2, "List and search"). Decisions:
 * Oleksandr (Ukrainian) and Aleksandr/Alexander (Russian, German) are one name to a case
 * manager; Miriam is kept apart from Mariam/Maryam (the first vowel differs, and keeping vowel
 * classes apart is what separates Mohammed from Mahmoud).
 */
export const MUST_MATCH: readonly (readonly string[])[] = [
  ['Mohammed', 'Muhammad', 'Mohamad', 'Mohamed', 'Muhammed', 'Mohammad', 'Mhd', 'Mukhammad'],
  ['Yusuf', 'Jusuf', 'Youssef', 'Yousef', 'Yussuf'],
  ['Hussein', 'Husain', 'Hussain', 'Hossein', 'Hüseyin', 'Husein'],
  ['Ahmad', 'Ahmed', 'Achmed', 'Akhmed'],
  ['Abdulrahman', 'Abd al-Rahman', 'Abdel Rahman', 'Abdurrahman', 'Abdul Rahman', 'Abdurahman'],
  ['Abdullah', 'Abdulla', 'Abdallah'],
  ['Oleksandr', 'Olexandr', 'Aleksandr', 'Alexander'],
  ['Mariam', 'Maryam'],
  ['Jürgen', 'Juergen', 'Jurgen'],
  ['Khaled', 'Khalid', 'Chaled', 'Halid'],
  ['Şahin', 'Sahin', 'Shahin', 'Schahin'],
  ['Özdemir', 'Oezdemir', 'Ozdemir'],
  ['Fatima', 'Fatemeh', 'Fatma'],
  ['Zainab', 'Zeinab', 'Zaynab'],
  ['Mustafa', 'Mostafa', 'Moustafa'],
  ['Jamila', 'Djamila', 'Dschamila', 'Dzhamila'],
  ['Hassan', 'Hasan', 'Al-Hassan'],
  ['Mikhail', 'Michail', 'Mihail'],
  ['Olena', 'Elena', 'Jelena', 'Yelena'],
];

/**
 * Pairs that MUST NOT match as names (phonetic or normalised equality). Hassan and Hussein are
 * two names (حسن, حسين) often borne by brothers; matching them would flood the duplicate warning.
 * "Ali" still finds "Alina" as a typed prefix in search (as-you-type), never the other way round.
 */
export const MUST_NOT_MATCH: readonly (readonly [string, string])[] = [
  ['Mohammed', 'Mahmoud'],
  ['Muhammad', 'Mahmud'],
  ['Ali', 'Alina'],
  ['Hassan', 'Hussein'],
  ['Yusuf', 'Yasmin'],
  ['Ahmed', 'Hamed'],
  ['Amin', 'Amina'],
  ['Omar', 'Amir'],
  ['Mariam', 'Miriam'],
  ['Ahmad', 'Ahmadi'],
  ['Jamal', 'Kamal'],
  ['Muhammad', 'Muhannad'],
];
