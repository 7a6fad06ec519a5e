import { z } from 'zod';

/** Handlungsfelder (DOMAIN.md, Life domains), in the order the UI lists them. */
export const lifeDomains = [
  'aufenthalt',
  'sprache',
  'bildung_schule',
  'ausbildung_arbeit',
  'wohnen',
  'gesundheit',
  'familie_kinder',
  'finanzen_leistungen',
  'einbuergerung',
  'soziale_teilhabe',
] as const;
export const lifeDomainSchema = z.enum(lifeDomains);
export type LifeDomain = z.infer<typeof lifeDomainSchema>;

export const needLevels = ['kein', 'gering', 'mittel', 'hoch'] as const;
export const needLevelSchema = z.enum(needLevels);
export type NeedLevel = z.infer<typeof needLevelSchema>;
