import { describe, expect, it } from 'vitest';
import { koelnerPhonetik, koelnerRaw } from '../../../shared/search/koelner';

describe('Kölner Phonetik', () => {
  it('matches the published examples', () => {
    expect(koelnerRaw('Müller-Lüdenscheidt')).toBe('60550750206880022');
    expect(koelnerPhonetik('Müller-Lüdenscheidt')).toBe('65752682');
    expect(koelnerPhonetik('Wikipedia')).toBe('3412');
    expect(koelnerPhonetik('Breschnew')).toBe('17863');
  });

  it('codes common German spellings alike', () => {
    for (const name of ['Meier', 'Meyer', 'Mayr', 'Maier']) expect(koelnerPhonetik(name)).toBe('67');
    expect(koelnerPhonetik('Schmidt')).toBe('862');
    expect(koelnerPhonetik('Schmitt')).toBe('862');
    expect(koelnerPhonetik('Müller')).toBe(koelnerPhonetik('Mueller'));
    expect(koelnerPhonetik('Bergmann')).toBe('17466');
  });

  it('applies the context rules for C', () => {
    expect(koelnerPhonetik('Clara')).toBe('457'); // initial before L → 4
    expect(koelnerPhonetik('Celle')).toBe('85'); // initial before E → 8
    expect(koelnerPhonetik('Chemnitz')).toBe('468'); // initial before H → 4
    expect(koelnerPhonetik('Acl')).toBe('085'); // inside, before L → 8
    expect(koelnerPhonetik('Scala')).toBe('85'); // after S → 8
    expect(koelnerPhonetik('Friedrich')).toBe('37274'); // inside, before H → 4
  });

  it('applies the context rules for D/T, X and P/H', () => {
    expect(koelnerPhonetik('Dietz')).toBe('28'); // T before Z → 8
    expect(koelnerPhonetik('Lax')).toBe('548'); // X not after C/K/Q → 48
    expect(koelnerPhonetik('Lachs')).toBe('548');
    expect(koelnerPhonetik('Akx')).toBe('048'); // X after K → 8
    expect(koelnerPhonetik('Philipp')).toBe('351'); // P before H → 3, else 1
    expect(koelnerPhonetik('Xaver')).toBe('4837');
  });

  it('keeps a leading zero, drops H, ignores non-letters', () => {
    expect(koelnerPhonetik('Anna')).toBe('06');
    expect(koelnerPhonetik('Hanna')).toBe('06');
    expect(koelnerPhonetik('')).toBe('');
    expect(koelnerPhonetik('-- ')).toBe('');
  });

  it('keeps H and tells M from N in the name extension', () => {
    expect(koelnerPhonetik('Hamed')).toBe(koelnerPhonetik('Ahmed'));
    expect(koelnerPhonetik('hamed', { names: true })).toBe('962');
    expect(koelnerPhonetik('ahmed', { names: true })).toBe('0962');
    expect(koelnerPhonetik('Muhannad')).toBe(koelnerPhonetik('Muhammad'));
    expect(koelnerPhonetik('muhammad', { names: true })).toBe('6962');
    expect(koelnerPhonetik('muhannad', { names: true })).toBe('69n2');
  });
});
