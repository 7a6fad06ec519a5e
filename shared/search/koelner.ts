/**
 * Kölner Phonetik (Hans Joachim Postel, 1969): a phonetic code for German pronunciation, with its
 * context rules for C, D/T, X and P/H. Reference: de.wikipedia.org/wiki/Kölner_Phonetik.
 *
 * `koelnerRaw` is step 1 (one code per letter, H dropped), `koelnerPhonetik` the final code
 * (repeated codes collapsed, then every 0 removed except a leading one).
 *
 * `names: true` is our extension for names from Arabic, Persian and Pashto, where plain Kölner
 * is too coarse: H is a consonant there (Hamed ≠ Ahmed, which plain Kölner codes alike), so it
 * is coded 9 instead of being dropped; and M and N, distinct letters that transliteration never
 * swaps, get distinct codes (Muhammad ≠ Muhannad): N is coded "n". Callers fold the digraphs
 * ch/kh/sh/ph/th… away before, so the P/H and C/H rules never see such an H.
 */

const VOWELS = new Set(['a', 'e', 'i', 'j', 'o', 'u', 'y']);

/** Lowercase a–z only: umlauts to their base vowel, ß to s, everything else dropped. */
function lettersOf(word: string): string {
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 's')
    .normalize('NFKD')
    .replace(/[^a-z]/g, '');
}

function codeOf(letters: string, i: number, names: boolean): string {
  const ch = letters[i]!;
  const prev = i > 0 ? letters[i - 1]! : '';
  const next = letters[i + 1] ?? '';
  if (VOWELS.has(ch)) return '0';
  switch (ch) {
    case 'h':
      return names ? '9' : '';
    case 'b':
      return '1';
    case 'p':
      return next === 'h' ? '3' : '1';
    case 'd':
    case 't':
      return 'csz'.includes(next) && next !== '' ? '8' : '2';
    case 'f':
    case 'v':
    case 'w':
      return '3';
    case 'g':
    case 'k':
    case 'q':
      return '4';
    case 'c':
      return codeOfC(prev, next, i === 0);
    case 'x':
      return prev !== '' && 'ckq'.includes(prev) ? '8' : '48';
    case 'l':
      return '5';
    case 'm':
      return '6';
    case 'n':
      return names ? 'n' : '6';
    case 'r':
      return '7';
    case 's':
    case 'z':
      return '8';
    default:
      return '';
  }
}

/** C is the letter with the most context: initial position, what follows, and a preceding S/Z. */
function codeOfC(prev: string, next: string, initial: boolean): string {
  if (initial) return next !== '' && 'ahkloqrux'.includes(next) ? '4' : '8';
  if (prev !== '' && 'sz'.includes(prev)) return '8';
  return next !== '' && 'ahkoqux'.includes(next) ? '4' : '8';
}

export interface KoelnerOptions {
  /** the extension for names described above */
  readonly names?: boolean;
}

/** Step 1: one code per letter ("Müller-Lüdenscheidt" → "60550750206880022"). */
export function koelnerRaw(word: string, options: KoelnerOptions = {}): string {
  const letters = lettersOf(word);
  let raw = '';
  for (let i = 0; i < letters.length; i++) raw += codeOf(letters, i, options.names ?? false);
  return raw;
}

/** The Kölner code ("Müller-Lüdenscheidt" → "65752682", "Wikipedia" → "3412"). */
export function koelnerPhonetik(word: string, options: KoelnerOptions = {}): string {
  const raw = koelnerRaw(word, options);
  let collapsed = '';
  for (const digit of raw) if (collapsed[collapsed.length - 1] !== digit) collapsed += digit;
  return collapsed.length === 0 ? '' : collapsed[0] + collapsed.slice(1).replace(/0/g, '');
}
