import { koelnerPhonetik } from './koelner';

/**
 * The phonetic key of a name token: the Kölner code of its transliteration skeleton (with the
 * name extension of koelner.ts: H kept, M ≠ N), framed by two coarse vowel classes.
 *
 * Why vowel classes: Kölner drops vowels, so Mohammed and Mahmoud (both 6962 here, 662 in plain
 * Kölner), Hassan and Hussein, or Amin and Amina collide, yet they are different names. Arabic
 * transliteration varies vowels only within a class (Muhammad/Mohammed: u~o; Ahmad/Ahmed,
 * Zainab/Zeinab: a~e; Khalid/Khaled: i~e, but in a later syllable), so the class of the first
 * vowel after a consonant and the class of the ending discriminate without splitting variants.
 */

/** Class of the first vowel that follows a consonant. E sits between A and I (a~e, e~i). */
export type VowelClass = 'A' | 'E' | 'I' | 'U' | '-';
/** How the token ends: a/e, i/y, o/u, or a consonant. */
export type EndClass = 'A' | 'I' | 'U' | 'C';

export interface PhoneticKey {
  readonly first: VowelClass;
  readonly code: string;
  readonly end: EndClass;
}

const VOWEL_LETTERS = 'aeiouy';

function isVowelAt(s: string, i: number): boolean {
  const ch = s[i]!;
  if (ch === 'y') {
    // y before a vowel at the start or between vowels is a consonant (Yusuf, Mayada).
    const nextIsVowel = 'aeiou'.includes(s[i + 1] ?? '#');
    const prevIsVowel = i > 0 && 'aeiou'.includes(s[i - 1]!);
    return !(nextIsVowel && (i === 0 || prevIsVowel));
  }
  return VOWEL_LETTERS.includes(ch);
}

function classOfGroup(group: string): VowelClass {
  if (group.startsWith('ee') || group.startsWith('ie')) return 'I';
  switch (group[0]) {
    case 'a':
      return 'A';
    case 'e':
      return 'E';
    case 'i':
    case 'y':
      return 'I';
    default:
      return 'U';
  }
}

/** First vowel group after a consonant: Oleksandr/Aleksandr → E (the vowel after l), Yusuf → U. */
export function firstVowelClass(skeleton: string): VowelClass {
  let seenConsonant = false;
  for (let i = 0; i < skeleton.length; i++) {
    if (isVowelAt(skeleton, i)) {
      if (seenConsonant) return classOfGroup(skeleton.slice(i, i + 2));
    } else {
      seenConsonant = true;
    }
  }
  return '-';
}

/** Ending class: Fatima/Fatemeh → A, Andriy/Andrij → I, Amin → C (so Amin ≠ Amina). */
export function endClass(skeleton: string): EndClass {
  if (/(ie|ee|[iyj])$/.test(skeleton)) return 'I';
  if (/[ae]$/.test(skeleton)) return 'A';
  if (/[ou]$/.test(skeleton)) return 'U';
  return 'C';
}

/**
 * Key of a skeleton. `classSource` is the part whose vowels count; for "abd"+name compounds that
 * is the name, because the abd/abdul/abdel head varies freely.
 */
export function phoneticKey(skeleton: string, classSource: string = skeleton): PhoneticKey | null {
  const code = koelnerPhonetik(skeleton, { names: true });
  if (code.length === 0) return null;
  return { first: firstVowelClass(classSource), code, end: endClass(classSource) };
}

/** Classes a stored first class may have to count as the same vowel: a~e and e~i, never a~i. */
export function compatibleFirstClasses(first: VowelClass | '*'): readonly VowelClass[] {
  switch (first) {
    case 'A':
      return ['A', 'E'];
    case 'E':
      return ['A', 'E', 'I'];
    case 'I':
      return ['E', 'I'];
    case 'U':
      return ['U'];
    case '-':
      return ['-'];
    case '*':
      return ['A', 'E', 'I', 'U', '-'];
  }
}

export function phoneticKeysEqual(a: PhoneticKey, b: PhoneticKey): boolean {
  return a.code === b.code && a.end === b.end && compatibleFirstClasses(a.first).includes(b.first);
}

/** Stored form: "p" + first class + code + "." + ending, e.g. "pU6962.C" for every Muhammad. */
export function encodePhoneticKey(key: PhoneticKey): string {
  return `p${key.first}${key.code}.${key.end}`;
}
