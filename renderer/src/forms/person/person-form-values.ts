import type { Gender, Person, PersonInput } from '../../../../shared/domain/person';

/**
 * What the person form edits. It differs from `PersonInput` only where HTML needs it: inputs
 * hold strings (the year, empty dates), list rows are objects (react-hook-form's field arrays),
 * and optional groups (residence, address) always exist while editing.
 */
export interface PersonFormValues {
  familyName: string;
  givenNames: string;
  otherSpellings: { value: string }[];
  birthDate: { kind: 'full' | 'year' | 'unknown'; date: string; year: string };
  gender: Gender | '';
  nationalities: string[];
  languages: { language: string; interpreterNeeded: boolean }[];
  residence: { status: string; paragraph: string; validUntil: string };
  arrivalDate: string;
  address: { street: string; postalCode: string; municipality: string };
  phone: string;
  email: string;
}

export function emptyPersonForm(): PersonFormValues {
  return {
    familyName: '',
    givenNames: '',
    otherSpellings: [],
    birthDate: { kind: 'full', date: '', year: '' },
    gender: '',
    nationalities: [],
    languages: [],
    residence: { status: '', paragraph: '', validUntil: '' },
    arrivalDate: '',
    address: { street: '', postalCode: '', municipality: '' },
    phone: '',
    email: '',
  };
}

export function personToForm(person: Person): PersonFormValues {
  const birth = person.birthDate;
  return {
    familyName: person.familyName,
    givenNames: person.givenNames,
    otherSpellings: person.otherSpellings.map((value) => ({ value })),
    birthDate: {
      kind: birth.kind,
      date: birth.kind === 'full' ? birth.date : '',
      year: birth.kind === 'year' ? String(birth.year) : '',
    },
    gender: person.gender,
    nationalities: [...person.nationalities],
    languages: person.languages.map((language) => ({ ...language })),
    residence: {
      status: person.residence?.status ?? '',
      paragraph: person.residence?.paragraph ?? '',
      validUntil: person.residence?.validUntil ?? '',
    },
    arrivalDate: person.arrivalDate ?? '',
    address: {
      street: person.address?.street ?? '',
      postalCode: person.address?.postalCode ?? '',
      municipality: person.address?.municipality ?? '',
    },
    phone: person.phone ?? '',
    email: person.email ?? '',
  };
}

const orUndefined = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/**
 * The form's values shaped as the schema's input, for zod to judge. Empty optional inputs become
 * absent rather than "" (an empty date is no date); an untouched residence or address group is
 * left out entirely. A paragraph only counts for titles that ask for one.
 */
export function formToPersonInput(values: PersonFormValues, asksParagraph: (status: string) => boolean): unknown {
  const { birthDate, residence, address } = values;
  const hasResidence = residence.status !== '' || residence.paragraph.trim() !== '' || residence.validUntil !== '';
  const hasAddress = Object.values(address).some((value) => value.trim() !== '');
  const input: Record<keyof PersonInput, unknown> = {
    familyName: values.familyName,
    givenNames: values.givenNames,
    otherSpellings: values.otherSpellings.map((row) => row.value).filter((value) => value.trim() !== ''),
    birthDate:
      birthDate.kind === 'full'
        ? { kind: 'full', date: birthDate.date }
        : birthDate.kind === 'year'
          ? { kind: 'year', year: birthDate.year.trim() === '' ? Number.NaN : Number(birthDate.year) }
          : { kind: 'unknown' },
    gender: values.gender === '' ? undefined : values.gender,
    nationalities: values.nationalities,
    languages: values.languages,
    residence: hasResidence
      ? {
          status: residence.status,
          paragraph: asksParagraph(residence.status) ? orUndefined(residence.paragraph) : undefined,
          validUntil: orUndefined(residence.validUntil),
        }
      : undefined,
    arrivalDate: orUndefined(values.arrivalDate),
    address: hasAddress
      ? {
          street: orUndefined(address.street),
          postalCode: orUndefined(address.postalCode),
          municipality: orUndefined(address.municipality),
        }
      : undefined,
    phone: orUndefined(values.phone),
    email: orUndefined(values.email),
  };
  return input;
}

/** Where a schema path points in the form: spellings are rows of `{ value }` here. */
export function formPathOf(schemaPath: string): string {
  return schemaPath.replace(/^otherSpellings\.(\d+)$/, 'otherSpellings.$1.value');
}
