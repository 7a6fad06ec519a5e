import type { PersonInput } from '../shared/domain/person';

/**
 * A fixed, seeded generator of persons, so every run measures the same data. Names mix the
 * spellings the target group is recorded under (DOMAIN.md, Names).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const givenNames = [
  'Muhammad', 'Mohammed', 'Mohamad', 'Ahmad', 'Ahmed', 'Yusuf', 'Jusuf', 'Youssef', 'Hussein', 'Hossein',
  'Ali', 'Omar', 'Umar', 'Khaled', 'Khalid', 'Fatima', 'Fatma', 'Aisha', 'Aischa', 'Mariam', 'Maryam',
  'Zainab', 'Zeynep', 'Olena', 'Olha', 'Oleksandr', 'Iryna', 'Natalia', 'Dmytro', 'Abdulrahman',
  'Abdullah', 'Hamid', 'Hamed', 'Samira', 'Leila', 'Layla', 'Reza', 'Mehdi', 'Mahdi', 'Farid',
  'Amina', 'Amena', 'Selam', 'Tesfaye', 'Yonas', 'Yohannes', 'Mustafa', 'Mostafa', 'Ibrahim', 'Ebrahim',
];
const familyNames = [
  'Al-Hassan', 'Alhassan', 'Haidari', 'Heydari', 'Rahimi', 'Rahime', 'Ahmadi', 'Ahmadzai', 'Karimi',
  'Hosseini', 'Husseini', 'Mohammadi', 'Muhammadi', 'Shevchenko', 'Schewtschenko', 'Kovalenko',
  'Bondarenko', 'Tkachenko', 'Osman', 'Othman', 'Abdi', 'Tesfamariam', 'Gebremedhin', 'Haile',
  'Yilmaz', 'Yıldız', 'Demir', 'Şahin', 'Özdemir', 'Khan', 'Nazari', 'Sultani', 'Hashemi', 'Jafari',
  'Ibrahim', 'Mahmoud', 'Saleh', 'Salih', 'Abdullah', 'Al-Ali', 'Darwish', 'Nasser', 'Nasir',
  'Mustafa', 'Qasim', 'Kassem', 'Barakzai', 'Popal', 'Wardak', 'Stanekzai',
];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

export function generatePerson(random: () => number, index: number): PersonInput {
  const year = 1950 + Math.floor(random() * 60);
  const kind = random();
  const birthDate: PersonInput['birthDate'] =
    kind < 0.7
      ? { kind: 'full', date: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}` }
      : kind < 0.9
        ? { kind: 'year', year }
        : { kind: 'unknown' };
  const familyName = `${pick(random, familyNames)}${index % 7 === 0 ? '' : ''}`;
  const given = random() < 0.3 ? `${pick(random, givenNames)} ${pick(random, givenNames)}` : pick(random, givenNames);
  return {
    familyName,
    givenNames: given,
    otherSpellings: random() < 0.3 ? [`${pick(random, givenNames)} ${pick(random, familyNames)}`] : [],
    birthDate,
    gender: pick(random, ['weiblich', 'maennlich', 'divers', 'unbekannt'] as const),
    nationalities: [pick(random, ['SY', 'AF', 'IQ', 'UA', 'ER', 'TR'])],
    languages: [{ language: pick(random, ['ar', 'fa', 'prs', 'uk', 'ti', 'tr']), interpreterNeeded: random() < 0.5 }],
    residence: { status: pick(random, ['gestattung', 'duldung', 'ae_fluechtling', 'ae_24']), validUntil: '2027-03-31' },
    arrivalDate: '2023-05-02',
    address: { street: `Hauptstraße ${1 + (index % 200)}`, postalCode: '40822', municipality: 'mettmann' },
    phone: '+49 2104 0000',
    email: '',
  };
}

/** Search queries a case manager types: full names, prefixes, and variant spellings. */
export const searchQueries = [
  'Mohammed', 'Muhamad', 'Yusuf', 'Jusuf Alhassan', 'Hosein', 'Ahmed Rahimi', 'Fatma', 'Schewtschenko',
  'Muh', 'Al', 'Kovalenko Olena', 'Khalid Osman', 'Sahin', 'Oezdemir', 'Maryam Karimi', 'Tesfa', 'Yildiz',
  'Abdul', 'Mostafa Nasser', 'Hashemi Leila',
];
