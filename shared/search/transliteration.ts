/**
 * Folding of transliteration variants. The same Arabic, Persian, Pashto, Tigrinya, Ukrainian or
 * Russian name reaches German records in English, French, German or BAMF spelling (DOMAIN.md,
 * Names). This step rewrites one plain token (a–z) into a skeleton where those variants coincide;
 * the phonetic code is computed from the skeleton (phonetic-key.ts).
 *
 * Vowel variants (ou/oo/u, ee/i, aa/a, e/a), y/j and double consonants need no rule here: the
 * Kölner code drops vowels, codes y and j alike and collapses repeats. The vowel classes in
 * phonetic-key.ts keep just enough vowel information to tell Mohammed from Mahmoud.
 */

/** Abbreviations of Muhammad common in Syrian, Malaysian and South Asian documents. */
const ALIASES: Readonly<Record<string, string>> = {
  mhd: 'muhammad',
  mhmd: 'muhammad',
  mohd: 'muhammad',
  muhd: 'muhammad',
};

/**
 * Digraph rules, applied in order. German "dsch"/"sch", English "j"/"sh", French "dj"/"ch" and
 * Russian "zh"/"kh" render the same sounds. kh and ch (خ, ح and Russian х) become h: Khaled,
 * Chaled and Turkish Halid are one name, as are Mukhammad and Muhammad. After these rules every
 * h left in a skeleton is a consonant of its own.
 */
const DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/dsch|dzh|dj/g, 'j'],
  [/sch|sh/g, 's'],
  [/zh/g, 'z'],
  [/[ck]h/g, 'h'],
  [/gh/g, 'g'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/ph/g, 'f'],
  [/bh/g, 'b'],
  // A final h after a vowel is silent: Abdullah/Abdulla, Fatemeh/Fatema, Sarah/Sara.
  [/([aeiouy])h$/, '$1'],
];

/** The transliteration skeleton of one plain token: "mochammed" → "mohammed". */
export function transliterationSkeleton(plain: string): string {
  let skeleton = ALIASES[plain] ?? plain;
  for (const [pattern, replacement] of DIGRAPHS) skeleton = skeleton.replace(pattern, replacement);
  return skeleton;
}
