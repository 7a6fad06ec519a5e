/**
 * Text normalisation for names. Everything here is pure and isomorphic (renderer, core, server).
 *
 * Two forms exist because German records write umlauts two ways: "Müller" is found by a user who
 * types "Muller" (plain ASCII keyboard) as well as by one who types "Mueller" (German convention).
 * The plain form strips every diacritic; the German form spells ä/ö/ü as ae/oe/ue first.
 */

/** Letters that Unicode does not decompose into base letter + mark, mapped to what people type. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i', // Turkish dotless i
  ħ: 'h',
  ŋ: 'ng',
  ə: 'a', // Azerbaijani schwa: Əliyev is written Aliyev
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

/**
 * Apostrophe-like marks inside names (Ma'mun, D'Souza, ʿAbd, ʾ hamza). They are dropped, not
 * treated as separators, because records write the same name with and without them.
 */
const APOSTROPHES_RE = /['’‘`´ʼʻʾʿ′]/g;

/** Anything but letters, their marks and digits separates tokens (space, hyphen, dot, comma). */
const SEPARATOR_RE = /[^\p{L}\p{M}\p{N}]+/u;

const COMBINING_MARKS_RE = /\p{M}+/gu;
const LATIN_TOKEN_RE = /^[a-z0-9]+$/;

/** Lowercase, strip diacritics, fold special letters; keeps separators. "Şahin" → "sahin". */
export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(SPECIAL_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .normalize('NFKD')
    .replace(COMBINING_MARKS_RE, '');
}

/** The German spelling of umlauts, or null when the text has none. "Jürgen" → "juergen". */
export function germanUmlautForm(token: string): string | null {
  const lower = token.normalize('NFC').toLowerCase();
  if (!/[äöü]/.test(lower)) return null;
  return foldText(lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'));
}

/** One word of a name as typed, in the forms we compare. */
export interface RawToken {
  /** the word as written, lowercase (kept for scripts our folding does not cover) */
  readonly original: string;
  /** diacritics stripped, lowercase: "muller" */
  readonly plain: string;
  /** German umlaut spelling when the original had ä/ö/ü: "mueller" */
  readonly german: string | null;
  /** true when the token is in Latin script (after folding), so transliteration rules apply */
  readonly latin: boolean;
}

/** Splits a name into words. Apostrophes vanish; hyphens and spaces separate. */
export function rawTokens(text: string): RawToken[] {
  return text
    .normalize('NFC')
    .replace(APOSTROPHES_RE, '')
    .split(SEPARATOR_RE)
    .filter((word) => word.length > 0)
    .map((word) => {
      const plain = foldText(word);
      return { original: word.toLowerCase(), plain, german: germanUmlautForm(word), latin: LATIN_TOKEN_RE.test(plain) };
    })
    .filter((token) => token.plain.length > 0);
}

/** One name field's part of the sort key: its words folded, single spaces between. */
export function foldedName(value: string): string {
  return rawTokens(value).map((t) => t.plain).join(' ');
}

/** Sort key for listing by name: folded, so "Özdemir" sorts with O (DIN 5007-1). */
export function nameSortKey(familyName: string, givenNames: string): string {
  // \u0001 sorts before every letter and before the space, so "Ali" < "Ali Hassan" < "Alia".
  return sortKeyOf(foldedName(familyName), foldedName(givenNames));
}

/** The sort key from already folded fields (the indexer keeps them per name). */
export function sortKeyOf(foldedFamilyName: string, foldedGivenNames: string): string {
  return `${foldedFamilyName}\u0001${foldedGivenNames}`;
}
