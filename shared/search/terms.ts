import { rawTokens, type RawToken } from './normalize';
import { phoneticKey, type PhoneticKey } from './phonetic-key';
import { transliterationSkeleton } from './transliteration';

/**
 * Name terms: the unit that is indexed and matched. Mostly one word, but Arabic articles and
 * "Abd" compounds are written as one, two or three words (Abdulrahman, Abdel Rahman,
 * Abd al-Rahman, Abdurrahman), so they are joined into one term with one phonetic key.
 */
export interface NameTerm {
  /** normalised surface text, for exact and prefix matches: "abdalrahman", "muller" */
  readonly text: string;
  /** further surface texts that count as exact: the German umlaut form "mueller" */
  readonly alternatives: readonly string[];
  /** null for terms outside Latin script or without letters */
  readonly phonetic: PhoneticKey | null;
  /** searchable components of a joined term ("rahman" of "abdulrahman"), indexed as well */
  readonly parts: readonly NameTerm[];
  /**
   * The name without its article ("hassan" of "al-Hassan"). Records drop the article freely, so
   * this counts as the same name; an Abd compound has none (Abdulrahman is not Rahman).
   */
  readonly bare?: NameTerm;
  /** not Latin script (Arabic, Cyrillic, Ge'ez …): matched through full-text search only */
  readonly foreign: boolean;
  /** a query's trailing "Abdul": its phonetic code is a prefix of every Abd compound, any vowels */
  readonly openAbd?: boolean;
}

/** Standalone Arabic articles that prefix the next word: al-Hassan, el Sayed, ash-Shami. */
const ARTICLES = new Set(['al', 'el', 'ul', 'il', 'ar', 'as', 'ash', 'ad', 'at', 'az']);
/** "Servant of …" heads that form one name with what follows: Abd al-Rahman, Abdul Karim. */
const ABD_HEADS = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdil', 'abdur', 'abdus']);
/** One-word compounds: abdulaziz (abd + ul + aziz), abdurrahman / abdurahman / abdrahman. */
const ABD_ARTICLE_RE = /^abd[uoeai]l(.{2,})$/;
const ABD_SUN_LETTER_RE = /^abd[uoeai]?([rstdzn])\1?(.{2,})$/;

const ABD = 'abd';

function wordTerm(token: RawToken): NameTerm {
  const alternatives = token.german !== null && token.german !== token.plain ? [token.german] : [];
  // Other scripts keep their own letters; full-text search folds them on both sides alike.
  if (!token.latin) return { text: token.original, alternatives: [], phonetic: null, parts: [], foreign: true };
  const compound = splitAbdCompound(token.plain);
  if (compound !== null) {
    const part = wordTerm({ original: compound, plain: compound, german: null, latin: true });
    return { text: token.plain, alternatives, phonetic: abdKey(compound), parts: [part], foreign: false };
  }
  // A word with digits is no name (a file number, "Fam0123"): its letters alone mean nothing.
  const phonetic = /\d/.test(token.plain) ? null : phoneticKey(transliterationSkeleton(token.plain));
  return { text: token.plain, alternatives, phonetic, parts: [], foreign: false };
}

/** "abdulrahman" → "rahman", "abdurrahman" → "rahman"; null when the word is no abd compound. */
function splitAbdCompound(plain: string): string | null {
  const withArticle = ABD_ARTICLE_RE.exec(plain);
  if (withArticle) return withArticle[1]!;
  const assimilated = ABD_SUN_LETTER_RE.exec(plain);
  if (assimilated) return assimilated[1]! + assimilated[2]!;
  return null;
}

function abdKey(name: string): PhoneticKey | null {
  const skeleton = transliterationSkeleton(name);
  return phoneticKey(ABD + skeleton, skeleton);
}

function joined(tokens: readonly RawToken[], base: RawToken, phonetic: PhoneticKey | null): NameTerm {
  return {
    text: tokens.map((t) => t.plain).join(''),
    alternatives: [],
    phonetic,
    parts: [wordTerm(base)],
    foreign: false,
  };
}

const isLatin = (token: RawToken | undefined): token is RawToken => token !== undefined && token.latin;

/**
 * Terms of one name field or one full spelling. With `partialEnd` (as-you-type queries) a
 * trailing "Abdul" or "Abd al" still waiting for its name matches every Abd… compound.
 */
export function nameTerms(text: string, options: { partialEnd?: boolean } = {}): NameTerm[] {
  const tokens = rawTokens(text);
  const terms: NameTerm[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (token.latin && ABD_HEADS.has(token.plain)) {
      const hasArticle = isLatin(next) && ARTICLES.has(next.plain);
      const nameIndex = hasArticle ? i + 2 : i + 1;
      const name = tokens[nameIndex];
      if (isLatin(name)) {
        const key = abdKey(name.plain);
        terms.push(joined(tokens.slice(i, nameIndex + 1), name, key));
        i = nameIndex + 1;
        continue;
      }
      if (options.partialEnd && nameIndex >= tokens.length) {
        const head = tokens.slice(i, nameIndex).map((t) => t.plain).join('');
        const phonetic = phoneticKey(ABD);
        terms.push({ text: head, alternatives: [], phonetic, parts: [], foreign: false, openAbd: true });
        break;
      }
    } else if (token.latin && ARTICLES.has(token.plain) && isLatin(next) && !ARTICLES.has(next.plain)) {
      // Keyed as one word, so "al-Hassan", "Al Hassan" and "Alhasan" coincide.
      const bare = wordTerm(next);
      const key = phoneticKey(transliterationSkeleton(token.plain + next.plain));
      terms.push({ ...joined([token, next], next, key), bare });
      i += 2;
      continue;
    }
    terms.push(wordTerm(token));
    i++;
  }
  return terms;
}
