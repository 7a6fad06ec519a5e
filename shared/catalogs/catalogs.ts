import { z } from 'zod';

/**
 * Catalogs are data, not code (DOMAIN.md): these are the starting sets; a county replaces or
 * extends them through the server's reference data. German legal terms stay German in every UI
 * language because they are names of titles, not prose.
 */
export const catalogEntrySchema = z.object({ key: z.string(), label: z.string() });
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

export const residenceStatusEntrySchema = catalogEntrySchema.extend({
  legalBasis: z.string(),
  /** titles like "Aufenthaltserlaubnis" are only complete with their paragraph */
  asksParagraph: z.boolean(),
});
export type ResidenceStatusEntry = z.infer<typeof residenceStatusEntrySchema>;

export const catalogsSchema = z.object({
  residenceStatuses: z.array(residenceStatusEntrySchema),
  nationalities: z.array(catalogEntrySchema),
  languages: z.array(catalogEntrySchema),
  municipalities: z.array(catalogEntrySchema),
  countyName: z.string(),
});
export type Catalogs = z.infer<typeof catalogsSchema>;

const residence = (key: string, label: string, legalBasis: string, asksParagraph = false) => ({
  key,
  label,
  legalBasis,
  asksParagraph,
});

export const defaultCatalogs: Catalogs = {
  countyName: 'Kreis Mettmann',
  residenceStatuses: [
    residence('ankunftsnachweis', 'Ankunftsnachweis', '§ 63a AsylG'),
    residence('gestattung', 'Aufenthaltsgestattung (Asylverfahren)', '§ 55 AsylG'),
    residence('duldung', 'Duldung', '§ 60a AufenthG'),
    residence('duldung_60b', 'Duldung für Personen mit ungeklärter Identität', '§ 60b AufenthG'),
    residence('ausbildungs_beschaeftigungsduldung', 'Ausbildungsduldung / Beschäftigungsduldung', '§ 60c / § 60d AufenthG'),
    residence('ae_asyl', 'Aufenthaltserlaubnis – Asylberechtigung', '§ 25 Abs. 1 AufenthG'),
    residence('ae_fluechtling', 'Aufenthaltserlaubnis – Flüchtlingseigenschaft', '§ 25 Abs. 2 S. 1 Alt. 1 AufenthG'),
    residence('ae_subsidiaer', 'Aufenthaltserlaubnis – subsidiärer Schutz', '§ 25 Abs. 2 S. 1 Alt. 2 AufenthG'),
    residence('ae_abschiebungsverbot', 'Aufenthaltserlaubnis – Abschiebungsverbot', '§ 25 Abs. 3 AufenthG'),
    residence('ae_24', 'Aufenthaltserlaubnis – vorübergehender Schutz', '§ 24 AufenthG'),
    residence('ae_aufnahme', 'Aufenthaltserlaubnis – Aufnahme aus dem Ausland / Landes- oder Bundesaufnahme', '§ 22, § 23 AufenthG', true),
    residence('ae_25a_25b', 'Aufenthaltserlaubnis – gut integrierte Jugendliche / nachhaltige Integration', '§ 25a / § 25b AufenthG', true),
    residence('chancen', 'Chancen-Aufenthaltsrecht', '§ 104c AufenthG'),
    residence('ae_familie', 'Aufenthaltserlaubnis – Familiennachzug', '§§ 28–36 AufenthG', true),
    residence('ae_erwerb', 'Aufenthaltserlaubnis – Ausbildung, Studium, Erwerbstätigkeit', '§§ 16a–21 AufenthG', true),
    residence('ae_sonstige', 'Aufenthaltserlaubnis – sonstige', 'AufenthG', true),
    residence('fiktion', 'Fiktionsbescheinigung', '§ 81 Abs. 3/4 AufenthG'),
    residence('niederlassung', 'Niederlassungserlaubnis', '§ 9, § 26 Abs. 3/4 AufenthG', true),
    residence('daueraufenthalt_eu', 'Erlaubnis zum Daueraufenthalt-EU', '§ 9a AufenthG'),
    residence('eu_freizuegigkeit', 'EU-Freizügigkeit', 'FreizügG/EU'),
    residence('deutsch', 'Deutsche Staatsangehörigkeit (eingebürgert)', 'StAG'),
    residence('ungeklaert', 'ungeklärt / sonstiger', '—'),
  ],
  nationalities: [
    ['SY', 'Syrien'], ['AF', 'Afghanistan'], ['IQ', 'Irak'], ['IR', 'Iran'], ['TR', 'Türkei'],
    ['UA', 'Ukraine'], ['RU', 'Russland'], ['ER', 'Eritrea'], ['SO', 'Somalia'], ['NG', 'Nigeria'],
    ['GN', 'Guinea'], ['GE', 'Georgien'], ['MK', 'Nordmazedonien'], ['AL', 'Albanien'], ['XK', 'Kosovo'],
    ['RS', 'Serbien'], ['PK', 'Pakistan'], ['EG', 'Ägypten'], ['MA', 'Marokko'], ['DZ', 'Algerien'],
    ['TN', 'Tunesien'], ['LB', 'Libanon'], ['PS', 'Palästinensische Gebiete'], ['YE', 'Jemen'],
    ['ET', 'Äthiopien'], ['SD', 'Sudan'], ['CO', 'Kolumbien'], ['VE', 'Venezuela'], ['VN', 'Vietnam'],
    ['IN', 'Indien'], ['RO', 'Rumänien'], ['BG', 'Bulgarien'], ['PL', 'Polen'], ['GR', 'Griechenland'],
    ['IT', 'Italien'], ['DE', 'Deutschland'], ['XX', 'staatenlos'], ['ZZ', 'ungeklärt'],
  ].map(([key, label]) => ({ key: key as string, label: label as string })),
  languages: [
    ['ar', 'Arabisch'], ['fa', 'Farsi/Persisch'], ['prs', 'Dari'], ['ps', 'Paschtu'],
    ['kmr', 'Kurdisch (Kurmandschi)'], ['ckb', 'Kurdisch (Sorani)'], ['ti', 'Tigrinya'], ['so', 'Somali'],
    ['uk', 'Ukrainisch'], ['ru', 'Russisch'], ['tr', 'Türkisch'], ['sq', 'Albanisch'], ['sr', 'Serbisch'],
    ['ro', 'Rumänisch'], ['bg', 'Bulgarisch'], ['pl', 'Polnisch'], ['ur', 'Urdu'], ['am', 'Amharisch'],
    ['fr', 'Französisch'], ['en', 'Englisch'], ['es', 'Spanisch'], ['vi', 'Vietnamesisch'], ['de', 'Deutsch'],
  ].map(([key, label]) => ({ key: key as string, label: label as string })),
  municipalities: [
    'Erkrath', 'Haan', 'Heiligenhaus', 'Hilden', 'Langenfeld (Rheinland)', 'Mettmann',
    'Monheim am Rhein', 'Ratingen', 'Velbert', 'Wülfrath',
  ].map((label) => ({ key: label.toLowerCase().replace(/[^a-zäöüß]+/g, '-'), label })),
};
